-- Who owns each group, kept by the owner-succession processor (OwnerSuccession) from GroupCreatedEvent and
-- OwnershipTransferredEvent, so that a closed account's groups can be found and handed over (docs/adr/0027).
CREATE TABLE group_owners (
    group_id UUID PRIMARY KEY,
    owner_id UUID NOT NULL
);
CREATE INDEX group_owners_owner ON group_owners (owner_id);
