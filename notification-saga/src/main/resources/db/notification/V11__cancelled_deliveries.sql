-- Issue 16 (erasure, ADR 0019). A notification to a user who was erased is never sent any more: every row of theirs
-- not yet DELIVERED or DEAD ends CANCELLED, a terminal state the relay and the workers skip.
ALTER TABLE notification_log DROP CONSTRAINT notification_log_status;
ALTER TABLE notification_log ADD CONSTRAINT notification_log_status
    CHECK (status IN ('PENDING', 'PUBLISHED', 'DELIVERED', 'FAILED', 'DEAD', 'CANCELLED'));

-- Who was erased (UserErasedEvent), so that no notification is written for them afterwards. Not part of the
-- recipients projection's reset: a replay leaves it alone (and adds nothing new, the events being the same).
CREATE TABLE erased_recipients (
    user_id   UUID        PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL
);
