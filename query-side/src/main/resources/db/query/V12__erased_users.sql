-- Erasure (docs/adr/0019): an erased user's personal fields read as NULL from the events (their key is destroyed), so
-- the users read model keeps a row without name, and says it is erased; a replay writes the same row. A file whose
-- owner was erased has no name either (it is deleted as well, but a replay inserts it before its deletion).
ALTER TABLE users ALTER COLUMN username DROP NOT NULL;
ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL;
ALTER TABLE users ADD COLUMN erased BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE files ALTER COLUMN file_name DROP NOT NULL;
