-- Every content hash whose bytes were stored (or were about to be), with the last time an upload
-- stored them. BlobGarbageCollector removes the blobs of hashes that no live file uses and that no
-- upload stored within the grace period; an upload marks its hash here (committed) before it stores
-- the bytes, and the collector locks the row while it deletes, so the two never cross.
CREATE TABLE files.blobs (
    content_hash   CHAR(64)    PRIMARY KEY,
    last_stored_at TIMESTAMPTZ NOT NULL
);

INSERT INTO files.blobs (content_hash, last_stored_at)
SELECT content_hash, max(created_at) FROM files.stored_files GROUP BY content_hash;
