-- The recipients projection (package dev.studybuddy.notification.recipients): who is in which group with
-- which role, and what users are called, as far as the event store tells. Rebuilt by a replay.
CREATE TABLE recipient_users (
    user_id      UUID         PRIMARY KEY,
    username     VARCHAR(64),
    display_name VARCHAR(200)
);

CREATE TABLE recipient_groups (
    group_id UUID         PRIMARY KEY,
    name     VARCHAR(200) NOT NULL
);

CREATE TABLE group_roster (
    group_id UUID        NOT NULL,
    user_id  UUID        NOT NULL,
    role     VARCHAR(16) NOT NULL,
    PRIMARY KEY (group_id, user_id),
    CONSTRAINT group_roster_role CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER'))
);
-- "Every OWNER and ADMIN of this group", asked for each join request.
CREATE INDEX group_roster_moderators ON group_roster (group_id) WHERE role IN ('OWNER', 'ADMIN');

-- E-mail addresses are not in events (they live with the credentials in command-side's identity schema).
-- Until an identity integration fills this table, an EMAIL notification is written only for users listed
-- here. Not part of the projection: a replay leaves it alone.
CREATE TABLE notification_contacts (
    user_id    UUID         PRIMARY KEY,
    email      VARCHAR(320) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
