-- 012 an index for the load's duplicate check.
-- The load drops a staged article whose content a stored article of the same source already holds
-- under another URL (warehouse/sql.py DROP_STORED_DUPLICATES: Joomla's category paths, Hanweb's
-- columns): without an index that join read all of news.articles on every load.

CREATE INDEX articles_source_content_hash_idx ON news.articles (source, content_hash);
