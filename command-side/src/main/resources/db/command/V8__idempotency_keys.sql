-- Safe retries (IdempotencyFilter, docs/api.md "Idempotency-Key"): per user and key, the fingerprint of the first
-- request and, once served, its outcome, answered again to a retry for 24 h. status NULL = still being served, by
-- a node that holds the key until leased_until (after that a retry of the same request may take it over).
CREATE TABLE idempotency_keys (
    user_id         UUID         NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    leased_until    TIMESTAMPTZ  NOT NULL,
    status          SMALLINT,
    headers         TEXT,
    body            BYTEA,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
