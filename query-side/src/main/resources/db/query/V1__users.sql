-- The users read model (UsersProjection): one row per account, public profile plus roles and status.
-- Lengths are the write side's rules; the read model stores whatever the events say.
CREATE TABLE users (
    user_id        UUID         PRIMARY KEY,
    username       TEXT         NOT NULL,
    display_name   TEXT         NOT NULL,
    bio            TEXT,
    avatar_file_id UUID,
    roles          VARCHAR(200) NOT NULL,
    active         BOOLEAN      NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
-- Also the order and keyset of the paged search.
CREATE UNIQUE INDEX users_username_unique ON users (username);
-- Case-insensitive prefix search: "lower(x) LIKE 'abc%'" can use a text_pattern_ops index whatever the
-- database's collation.
CREATE INDEX users_username_prefix ON users (lower(username) text_pattern_ops);
CREATE INDEX users_display_name_prefix ON users (lower(display_name) text_pattern_ops);
