-- notification_contacts is now filled by the identity integration (package dev.studybuddy.notification.contacts):
-- command-side publishes every address change with a version, and only a newer version changes a row. A forgotten
-- address (closed account) stays as a row with email NULL, so that an older message arriving late cannot bring it
-- back. Rows written before (by hand, or by tests) have version 0, which any real change supersedes.
ALTER TABLE notification_contacts ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE notification_contacts ALTER COLUMN email DROP NOT NULL;
