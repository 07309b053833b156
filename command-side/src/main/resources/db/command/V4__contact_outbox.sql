-- The transactional outbox of e-mail address changes for notification-saga (docs/adr/0004): a row is written
-- in the transaction that changes the credential, and ContactOutboxRelay publishes it to RabbitMQ, marking it
-- published once the broker confirmed it. email NULL = forget the address. version orders the changes of one
-- user (an identity: later changes get higher numbers); the receiver ignores a version older than its own.
CREATE TABLE contact_outbox (
    version      BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      UUID         NOT NULL,
    email        VARCHAR(254),
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX contact_outbox_unpublished ON contact_outbox (version) WHERE published_at IS NULL;
CREATE INDEX contact_outbox_user ON contact_outbox (user_id);
-- Published rows are deleted after a while (studybuddy.identity.contacts.keep-published).
CREATE INDEX contact_outbox_published ON contact_outbox (published_at) WHERE published_at IS NOT NULL;

-- Accounts made before this table existed: announce their addresses once (none for a closed account).
INSERT INTO contact_outbox (user_id, email, created_at)
SELECT user_id, CASE WHEN active THEN email END, now() FROM credentials ORDER BY created_at;
