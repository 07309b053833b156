-- Replays requested through POST /api/admin/projections/{name}/replay, one row per processor. Every
-- query-side node polls this table: on a new generation it shuts its processor down (releasing its
-- segments), one node wins the row (state REQUESTED -> RESETTING) and resets the tokens, and every
-- node starts its processor again once the row says DONE (or FAILED).
CREATE TABLE projection_replays (
    processor_name VARCHAR(255) PRIMARY KEY,
    generation     BIGINT       NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    requested_by   VARCHAR(255),
    requested_at   TIMESTAMPTZ  NOT NULL,
    reset_by       VARCHAR(255),
    finished_at    TIMESTAMPTZ,
    detail         TEXT
);
