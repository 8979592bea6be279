-- The ledger nodes running on this database, each noting itself several times per token claim timeout. The read
-- models' segments are shared among the nodes seen within that timeout (README, "Several nodes on one database").
-- A node rebuilding the read models sets rebuilding_until; until then the other nodes hold no segment.
CREATE TABLE ledger_node (
    node_id          VARCHAR(255) PRIMARY KEY,
    seen_at          TIMESTAMPTZ  NOT NULL,
    rebuilding_until TIMESTAMPTZ
);

GRANT SELECT, INSERT, UPDATE, DELETE ON ledger_node TO ${application_role};
