-- Issue 14 (9, 10). An attempt is recorded as SENDING, and committed, before the mail or push goes out; its
-- outcome replaces that afterwards. A SENDING attempt that a later worker finds under the row's lock belongs to a
-- worker that stopped (or whose transaction failed) after the send may have happened: it becomes UNKNOWN and the
-- row counts it as a possible duplicate of what is sent next.
ALTER TABLE notification_attempts DROP CONSTRAINT notification_attempts_outcome;
ALTER TABLE notification_attempts ADD CONSTRAINT notification_attempts_outcome
    CHECK (outcome IN ('SENDING', 'DELIVERED', 'FAILED', 'UNKNOWN'));
-- When the outcome was recorded; NULL while SENDING.
ALTER TABLE notification_attempts ADD COLUMN finished_at TIMESTAMPTZ;
UPDATE notification_attempts SET finished_at = attempted_at;

ALTER TABLE notification_log ADD COLUMN possible_duplicates INTEGER NOT NULL DEFAULT 0;
-- A DEAD row's message is handed to the dead-letter queue only after the row is committed DEAD, then this is set;
-- a DEAD row without it gets its dead letter from the next copy of its message.
ALTER TABLE notification_log ADD COLUMN dead_lettered_at TIMESTAMPTZ;
-- Rows that died before this version had their dead letter published before they committed.
UPDATE notification_log SET dead_lettered_at = updated_at WHERE status = 'DEAD';
