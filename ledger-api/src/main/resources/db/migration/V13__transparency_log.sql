-- One RFC 9162 Merkle tree over every sealed event, in global order, growing with each checkpoint (issue #14), so
-- that any later checkpoint is provably an extension of any earlier one. merkle_leaf holds the leaves (leaf hash of
-- the event hash) in tree order with the event's global position; merkle_node the complete subtrees above them:
-- level l, index i covers leaves [i * 2^l, (i + 1) * 2^l). Both are a cache the proofs are served from; verification
-- recomputes the tree from checkpoint_entry. Each checkpoint is also published as a C2SP signed note over the tree.
CREATE TABLE merkle_leaf (
    tree_index   BIGINT PRIMARY KEY,
    global_index BIGINT NOT NULL UNIQUE,
    leaf_hash    BYTEA  NOT NULL
);
CREATE TABLE merkle_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    PRIMARY KEY (level, node_index)
);
ALTER TABLE ledger_checkpoint ADD COLUMN tree_size BIGINT;
ALTER TABLE ledger_checkpoint ADD COLUMN tree_root BYTEA;
ALTER TABLE ledger_checkpoint ADD COLUMN note TEXT;
CREATE UNIQUE INDEX ledger_checkpoint_tree_size ON ledger_checkpoint (tree_size) WHERE tree_size IS NOT NULL;

-- What each witness cosigned (C2SP tlog-cosignature lines), kept beside the checkpoint they cosign.
CREATE TABLE witness_cosignature (
    checkpoint_number BIGINT       NOT NULL REFERENCES ledger_checkpoint (number),
    witness           VARCHAR(200) NOT NULL,
    tree_size         BIGINT       NOT NULL,
    line              TEXT         NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (checkpoint_number, witness)
);

CREATE TRIGGER merkle_leaf_append_only BEFORE UPDATE OR DELETE ON merkle_leaf
    FOR EACH ROW EXECUTE FUNCTION reject_ledger_change();
CREATE TRIGGER merkle_node_append_only BEFORE UPDATE OR DELETE ON merkle_node
    FOR EACH ROW EXECUTE FUNCTION reject_ledger_change();
CREATE TRIGGER witness_cosignature_append_only BEFORE UPDATE OR DELETE ON witness_cosignature
    FOR EACH ROW EXECUTE FUNCTION reject_ledger_change();
GRANT SELECT, INSERT ON merkle_leaf, merkle_node, witness_cosignature TO ${application_role};
