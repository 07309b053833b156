-- The user's security stamp when the token's family was started or last rotated: a refresh with a stamp that is
-- no longer current (roles changed, account closed, signed out everywhere) is refused and revokes the family.
-- Families from before this column get 0, the stamp of an account whose security never changed.
ALTER TABLE refresh_tokens ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0;
