-- PostgreSQL's parser takes "<String>" in "Map<String>", "<vector>" or "<b>" for an HTML tag and indexes no word of
-- it, so a message about "List<Integer>" was not found by "integer". The document now reads the body with "<" and ">"
-- as spaces (MessageIndex reads the query alike). A generated column's expression cannot be altered before
-- PostgreSQL 17: the column is made again, which computes it for every row, and its index with it.
DROP INDEX message_search_document;
ALTER TABLE message_search DROP COLUMN document;
ALTER TABLE message_search
    ADD COLUMN document TSVECTOR GENERATED ALWAYS AS (to_tsvector('english'::regconfig, translate(body, '<>', '  '))) STORED;
CREATE INDEX message_search_document ON message_search USING GIN (document);
