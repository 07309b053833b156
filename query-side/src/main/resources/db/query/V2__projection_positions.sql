-- How far each projection has applied each aggregate's stream. A projection writes its row here in the
-- same transaction as its own rows, so a query that carries a consistency token (aggregate id +
-- sequence) can tell, on any node, whether the read model already shows that write.
CREATE TABLE projection_positions (
    processing_group VARCHAR(255) NOT NULL,
    aggregate_id     VARCHAR(255) NOT NULL,
    sequence         BIGINT       NOT NULL,
    PRIMARY KEY (processing_group, aggregate_id)
);
