-- The NotificationLog (DESIGN.md §5): one row per notification a saga decided, per recipient and channel.
-- It is the outbox the relay publishes from, the record the delivery workers keep, the recipient's
-- in-app inbox and what auditors read. Nothing is lost while RabbitMQ, Redis or a worker is down,
-- because the row stays here until it is DELIVERED (or DEAD).
CREATE TABLE notification_log (
    id              UUID         PRIMARY KEY,
    recipient       UUID         NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    type            VARCHAR(64)  NOT NULL,
    payload         JSONB        NOT NULL DEFAULT '{}'::jsonb,
    -- Axon event identifiers are strings; a deadline-driven notification uses its deadline message's id.
    source_event_id VARCHAR(100) NOT NULL,
    status          VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_error      TEXT,
    -- When the relay or a worker may try again (back-off); NULL means "now" for PENDING rows.
    next_attempt_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    published_at    TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    read_at         TIMESTAMPTZ,
    CONSTRAINT notification_log_channel CHECK (channel IN ('IN_APP', 'EMAIL')),
    CONSTRAINT notification_log_status CHECK (status IN ('PENDING', 'PUBLISHED', 'DELIVERED', 'FAILED', 'DEAD')),
    CONSTRAINT notification_log_attempts CHECK (attempts >= 0),
    CONSTRAINT notification_log_payload_object CHECK (jsonb_typeof(payload) = 'object'),
    -- A saga that handles the same event twice (replay, redelivery, two nodes) cannot notify twice.
    CONSTRAINT notification_log_once UNIQUE (source_event_id, recipient, channel)
);

-- A recipient's notifications newest first (the inbox; the audit filtered by recipient), keyset-paged.
CREATE INDEX notification_log_recipient_time ON notification_log (recipient, created_at DESC, id DESC);
-- The unread badge and "unread only" inbox stay cheap however long the history grows.
CREATE INDEX notification_log_unread ON notification_log (recipient, created_at DESC, id DESC)
    WHERE channel = 'IN_APP' AND read_at IS NULL;
-- The whole log by time, for auditors.
CREATE INDEX notification_log_time ON notification_log (created_at DESC, id DESC);
-- The outbox relay's work: rows not yet handed to the broker or waiting for a retry.
CREATE INDEX notification_log_due ON notification_log (next_attempt_at NULLS FIRST, created_at)
    WHERE status IN ('PENDING', 'FAILED');

-- One row per delivery attempt, so an auditor sees every try, its outcome and its error.
CREATE TABLE notification_attempts (
    id              BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id UUID         NOT NULL REFERENCES notification_log (id) ON DELETE CASCADE,
    attempt         INTEGER      NOT NULL,
    attempted_at    TIMESTAMPTZ  NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    error           TEXT,
    -- Which node tried, to tell a flaky worker from a failing recipient.
    worker          VARCHAR(100),
    CONSTRAINT notification_attempts_outcome CHECK (outcome IN ('DELIVERED', 'FAILED')),
    CONSTRAINT notification_attempts_number CHECK (attempt >= 1),
    CONSTRAINT notification_attempts_once UNIQUE (notification_id, attempt)
);

-- Per recipient and notification type: whether e-mail is wanted besides the in-app notification.
-- No row means the type's default.
CREATE TABLE notification_preferences (
    recipient     UUID        NOT NULL,
    type          VARCHAR(64) NOT NULL,
    email_enabled BOOLEAN     NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (recipient, type)
);
