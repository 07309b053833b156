-- Whether the user's current e-mail address is verified (EmailVerifiedEvent); shown on GET /api/users/me.
-- Written by the users projection, so a replay rebuilds it from the events; false for every account until then.
ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
