-- One row per sign-in (a refresh token family, whose id it shares): what GET /api/users/me/sessions lists.
-- The user agent and address are those of the login, then of the latest refresh. A session ends with its
-- family (logout, DELETE /api/users/me/sessions/{id}, reuse of a spent token, a security stamp change) or
-- when its latest refresh token expires (expires_at).
CREATE TABLE sign_in_sessions (
    id           UUID         PRIMARY KEY,
    user_id      UUID         NOT NULL REFERENCES credentials (user_id),
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    user_agent   VARCHAR(512),
    address      VARCHAR(64),
    ended_at     TIMESTAMPTZ
);
CREATE INDEX sign_in_sessions_user ON sign_in_sessions (user_id);
CREATE INDEX sign_in_sessions_expiry ON sign_in_sessions (expires_at);

-- Families from before: listed without user agent and address while a token of theirs can still be used.
INSERT INTO sign_in_sessions (id, user_id, created_at, last_used_at, expires_at, ended_at)
SELECT family_id, user_id, min(issued_at), max(issued_at), max(expires_at),
       CASE WHEN bool_or(spent_at IS NULL AND revoked_at IS NULL) THEN NULL
            ELSE coalesce(max(revoked_at), max(expires_at)) END
FROM refresh_tokens
GROUP BY family_id, user_id;
