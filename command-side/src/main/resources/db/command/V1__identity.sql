-- Credentials never enter the event log: they live here, where they can be changed and erased.
CREATE TABLE credentials (
    user_id       UUID         PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT credentials_username_lower CHECK (username = lower(username))
);
-- Uniqueness is the database's to decide, so that concurrent registrations cannot both win.
CREATE UNIQUE INDEX credentials_username_unique ON credentials (username);
CREATE UNIQUE INDEX credentials_email_unique ON credentials (lower(email));

-- Opaque refresh tokens, stored as SHA-256 hashes; each login starts a family that rotation extends.
CREATE TABLE refresh_tokens (
    token_hash CHAR(64)    PRIMARY KEY,
    family_id  UUID        NOT NULL,
    user_id    UUID        NOT NULL REFERENCES credentials (user_id),
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    spent_at   TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);
