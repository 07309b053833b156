-- E-mail verification and password reset (docs/adr/0015). When the credential's current address was verified;
-- NULL = not (every address on file before this migration: nobody ever proved it was theirs).
ALTER TABLE credentials ADD COLUMN email_verified_at TIMESTAMPTZ;

-- The contact outbox tells notification-saga whether the address is verified (ContactChanged.verified).
ALTER TABLE contact_outbox ADD COLUMN verified BOOLEAN NOT NULL DEFAULT FALSE;

-- Single-use tokens mailed to a user (AccountTokens): 256 random bits handed out once in a mail, kept only as
-- their SHA-256 hash. purpose VERIFY_EMAIL (24 h) or RESET_PASSWORD (30 min); spent_at once used (or superseded).
CREATE TABLE account_tokens (
    token_hash CHAR(64)    PRIMARY KEY,
    purpose    VARCHAR(20) NOT NULL,
    user_id    UUID        NOT NULL REFERENCES credentials (user_id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    spent_at   TIMESTAMPTZ
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);
CREATE INDEX account_tokens_expiry ON account_tokens (expires_at);
