-- The friendships read model (FriendshipsProjection). Rows carry the times of the events that made them.

-- A pending request: at most one per pair, which is also one Friendship aggregate.
CREATE TABLE friend_requests (
    friendship_id VARCHAR(80) PRIMARY KEY,
    requester_id  UUID        NOT NULL,
    addressee_id  UUID        NOT NULL,
    sent_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX friend_requests_requester ON friend_requests (requester_id);
CREATE INDEX friend_requests_addressee ON friend_requests (addressee_id);

-- A friendship, once from each side, so that "my friends" is one index range.
CREATE TABLE friends (
    user_id       UUID        NOT NULL,
    friend_id     UUID        NOT NULL,
    friendship_id VARCHAR(80) NOT NULL,
    since         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, friend_id)
);
CREATE INDEX friends_friendship ON friends (friendship_id);

-- Each side's own block; both may block each other.
CREATE TABLE blocks (
    blocker_id    UUID        NOT NULL,
    blocked_id    UUID        NOT NULL,
    friendship_id VARCHAR(80) NOT NULL,
    blocked_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
-- The user search hides those who blocked the caller too.
CREATE INDEX blocks_blocked ON blocks (blocked_id);
