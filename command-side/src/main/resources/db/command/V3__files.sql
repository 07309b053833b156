-- Uploaded files, as command-side decides about them (FileCatalog). The events of the StoredFile
-- aggregate are the history; these rows are written in the same transaction as each event is sent, so
-- that quota and ownership checks read consistent state, never a lagging projection.
CREATE TABLE files.stored_files (
    file_id      UUID         PRIMARY KEY,
    owner_id     UUID         NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    size         BIGINT       NOT NULL CHECK (size > 0),
    content_type VARCHAR(150) NOT NULL,
    file_name    VARCHAR(400) NOT NULL,
    purpose      VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    deleted_at   TIMESTAMPTZ
);
CREATE INDEX stored_files_owner ON files.stored_files (owner_id) WHERE deleted_at IS NULL;
CREATE INDEX stored_files_hash ON files.stored_files (content_hash);

-- Each owner's total of live files: the row is locked (SELECT ... FOR UPDATE) while an upload or a
-- deletion changes it, which serializes one user's uploads against the quota.
CREATE TABLE files.quota_usage (
    owner_id   UUID   PRIMARY KEY,
    bytes_used BIGINT NOT NULL CHECK (bytes_used >= 0)
);
