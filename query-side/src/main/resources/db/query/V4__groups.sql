-- The groups read model (GroupsProjection): groups, their rosters, bans, join requests and invitations.
-- Every roster row belongs to a known group; an event about a group the projection never saw created
-- violates that and is parked as a dead letter rather than guessed at.
CREATE TABLE groups (
    group_id     UUID         PRIMARY KEY,
    name         TEXT         NOT NULL,
    description  TEXT         NOT NULL,
    visibility   VARCHAR(16)  NOT NULL,
    join_policy  VARCHAR(16)  NOT NULL,
    capacity     INTEGER      NOT NULL,
    archived     BOOLEAN      NOT NULL,
    owner_id     UUID         NOT NULL,
    member_count INTEGER      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
-- Order and keyset of the group lists, and the prefix search, whatever the database's collation.
CREATE INDEX groups_name_prefix ON groups (lower(name) text_pattern_ops);
CREATE INDEX groups_discoverable ON groups (lower(name), group_id) WHERE visibility = 'PUBLIC' AND NOT archived;

CREATE TABLE group_members (
    group_id  UUID        NOT NULL REFERENCES groups (group_id) ON DELETE CASCADE,
    user_id   UUID        NOT NULL,
    role      VARCHAR(16) NOT NULL,
    route     VARCHAR(16) NOT NULL,
    joined_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

CREATE TABLE group_bans (
    group_id  UUID        NOT NULL REFERENCES groups (group_id) ON DELETE CASCADE,
    user_id   UUID        NOT NULL,
    banned_by UUID        NOT NULL,
    banned_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_bans_user ON group_bans (user_id);

CREATE TABLE group_join_requests (
    group_id     UUID        NOT NULL REFERENCES groups (group_id) ON DELETE CASCADE,
    user_id      UUID        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

CREATE TABLE group_invitations (
    group_id   UUID        NOT NULL REFERENCES groups (group_id) ON DELETE CASCADE,
    user_id    UUID        NOT NULL,
    invited_by UUID        NOT NULL,
    invited_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_invitations_user ON group_invitations (user_id);
