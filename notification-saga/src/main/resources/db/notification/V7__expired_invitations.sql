-- An expired invitation is marked, not deleted, when its InvitationExpiredEvent is projected: the group
-- notifier handles the same event in the same processing group and still needs the inviter. Rows that
-- expired more than a day before a later expiry are deleted then, so expired invitations do not pile up.
ALTER TABLE group_invitations ADD COLUMN expired_at TIMESTAMPTZ;
CREATE INDEX group_invitations_expired ON group_invitations (expired_at) WHERE expired_at IS NOT NULL;
