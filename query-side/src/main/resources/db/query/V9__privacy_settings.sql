-- What each user chose to show of themselves (PUT /api/users/me/presence, PUT /api/users/me/receipts).
-- Not a projection: query-side owns these rows, written by the user's own request, so no replay or reset
-- touches them. A user without a row has the defaults: presence visible, read receipts on.
CREATE TABLE privacy_settings (
    user_id          UUID        PRIMARY KEY,
    presence_visible BOOLEAN     NOT NULL DEFAULT true,
    receipts_enabled BOOLEAN     NOT NULL DEFAULT true,
    updated_at       TIMESTAMPTZ NOT NULL
);
