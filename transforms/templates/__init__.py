"""One parser module per site template (hanweb, joomla), the seed-text format and a generic fallback."""
