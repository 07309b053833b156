-- Study sessions of a group (GroupsProjection): upcoming and past, cancelled ones kept and marked.
CREATE TABLE group_sessions (
    session_id       UUID        PRIMARY KEY,
    group_id         UUID        NOT NULL REFERENCES groups (group_id) ON DELETE CASCADE,
    title            TEXT        NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,
    duration_minutes INTEGER     NOT NULL,
    scheduled_by     UUID        NOT NULL,
    cancelled        BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX group_sessions_by_start ON group_sessions (group_id, starts_at, session_id);
