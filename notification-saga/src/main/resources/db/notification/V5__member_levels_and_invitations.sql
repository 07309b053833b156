-- Part of the recipients projection. Each member's notification level for a group, from the Membership
-- stream: a seat opens at ALL, NotificationLevelChangedEvent sets it, MembershipClosedEvent drops it. A roster
-- member without a row counts as ALL (the Group and Membership streams are read in parallel, so the roster may
-- know a member before their seat's events have been read).
CREATE TABLE member_levels (
    group_id UUID        NOT NULL,
    user_id  UUID        NOT NULL,
    level    VARCHAR(16) NOT NULL,
    PRIMARY KEY (group_id, user_id),
    CONSTRAINT member_levels_level CHECK (level IN ('ALL', 'MENTIONS', 'NONE'))
);

-- Who invited whom, so that an expired invitation can also be told to the inviter. A row is removed when the
-- invitee answers; an expired one stays until the next invitation of the same user replaces it (the notifier
-- reads it while handling the expiry, in the same processing group, so the projection must not delete it then).
CREATE TABLE group_invitations (
    group_id   UUID NOT NULL,
    invitee_id UUID NOT NULL,
    invited_by UUID NOT NULL,
    PRIMARY KEY (group_id, invitee_id)
);
