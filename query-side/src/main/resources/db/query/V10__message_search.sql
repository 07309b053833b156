-- The message search index (MessageSearchProjection): one row per live group or direct message, with its body
-- as a tsvector under the 'english' configuration (stems: "studying" finds "study"; English stop words are not
-- indexed). Deleted messages have no row; an edit rewrites the body, and the generated column follows. Who may
-- read a row is decided when someone searches, from the current rosters (group_members) and the row's two
-- participants, never stored here (docs/api.md "Message search").
CREATE TABLE message_search (
    message_id      UUID         PRIMARY KEY,
    conversation_id VARCHAR(120) NOT NULL,
    seq             BIGINT       NOT NULL,
    sender_id       UUID         NOT NULL,
    -- a group message: its group; a direct message: its recipient (the other participant is the sender)
    group_id        UUID,
    recipient_id    UUID,
    body            TEXT         NOT NULL,
    posted_at       TIMESTAMPTZ  NOT NULL,
    edited_at       TIMESTAMPTZ,
    document        TSVECTOR     GENERATED ALWAYS AS (to_tsvector('english'::regconfig, body)) STORED,
    CONSTRAINT message_search_one_audience CHECK ((group_id IS NULL) <> (recipient_id IS NULL))
);
CREATE INDEX message_search_document ON message_search USING GIN (document);
CREATE INDEX message_search_group ON message_search (group_id, posted_at) WHERE group_id IS NOT NULL;
CREATE INDEX message_search_sender ON message_search (sender_id, posted_at);
CREATE INDEX message_search_recipient ON message_search (recipient_id, posted_at) WHERE recipient_id IS NOT NULL;
