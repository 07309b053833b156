-- Who blocks whom (the recipients projection, from UserBlockedEvent and UserUnblockedEvent): a user hears nothing of
-- the people they block or who block them, no mention and no invitation (notification-saga's README, "Blocks").
CREATE TABLE recipient_blocks (
    blocker_id UUID NOT NULL,
    blocked_id UUID NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);

-- The blocks made before this table existed are in the history only: the recipients processor reads it again, as
-- it does the first time it runs against an existing store (a replay up to the head, its notifiers silent; its
-- handlers write the state each event leaves, so the tables it keeps come out as they are).
DELETE FROM token_entry WHERE processor_name = 'recipients';
