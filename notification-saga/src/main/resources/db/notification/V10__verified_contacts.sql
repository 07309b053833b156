-- Whether the user has verified the address (ContactChanged.verified, from command-side's contact outbox).
-- No notification is mailed to an unverified address. Addresses on file before were never verified: false.
ALTER TABLE notification_contacts ADD COLUMN verified BOOLEAN NOT NULL DEFAULT FALSE;
