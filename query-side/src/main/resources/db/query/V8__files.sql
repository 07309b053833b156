-- The files read model (FilesProjection): every upload with its metadata, and who a message shared it
-- with. Downloads are authorized from these rows (FileDirectory) and served from the blob store by the
-- content hash, never by anything the client sends.
CREATE TABLE files (
    file_id      UUID         PRIMARY KEY,
    owner_id     UUID         NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    size         BIGINT       NOT NULL,
    content_type VARCHAR(150) NOT NULL,
    file_name    VARCHAR(400) NOT NULL,
    purpose      VARCHAR(20)  NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL,
    deleted_at   TIMESTAMPTZ
);
CREATE INDEX files_owner ON files (owner_id);

-- A message carrying a file as attachment: a group message shares it with the group's members (as they
-- are when someone asks), a direct message with its two friends (one row each). Deleting the message
-- takes its shares away.
CREATE TABLE file_shares (
    file_id    UUID NOT NULL,
    message_id UUID NOT NULL,
    group_id   UUID,
    user_id    UUID,
    CONSTRAINT file_shares_one_audience CHECK ((group_id IS NULL) <> (user_id IS NULL))
);
CREATE UNIQUE INDEX file_shares_unique ON file_shares (file_id, message_id, coalesce(group_id, user_id));
CREATE INDEX file_shares_message ON file_shares (message_id);
