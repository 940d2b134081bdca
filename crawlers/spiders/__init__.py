"""One spider per site template; each spider's `name` is its source slug in seeds/sources.yml."""
