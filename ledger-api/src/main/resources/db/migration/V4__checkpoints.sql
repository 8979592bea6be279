-- Signed checkpoints over the whole ledger (docs/integrity.md). Each seals the events appended since the
-- previous one, in global order, by the Merkle root of their hashes; checkpoint_entry keeps which event was
-- sealed where, so that a missing, changed or added event can be named.
CREATE TABLE ledger_checkpoint (
    number                   BIGINT       PRIMARY KEY,
    from_index               BIGINT       NOT NULL,
    to_index                 BIGINT       NOT NULL,
    event_count              INTEGER      NOT NULL,
    merkle_root              BYTEA        NOT NULL,
    previous_checkpoint_hash BYTEA        NOT NULL,
    sealed_at                VARCHAR(40)  NOT NULL,
    key_id                   VARCHAR(64)  NOT NULL,
    signature                BYTEA        NOT NULL,
    hash                     BYTEA        NOT NULL
);

CREATE TABLE checkpoint_entry (
    global_index         BIGINT       PRIMARY KEY,
    checkpoint_number    BIGINT       NOT NULL REFERENCES ledger_checkpoint (number),
    leaf_index           INTEGER      NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    hash                 BYTEA        NOT NULL
);

CREATE INDEX checkpoint_entry_aggregate ON checkpoint_entry (aggregate_identifier, sequence_number);
CREATE INDEX checkpoint_entry_checkpoint ON checkpoint_entry (checkpoint_number, leaf_index);

CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION reject_ledger_change();
CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION reject_ledger_change();
CREATE TRIGGER checkpoint_entry_append_only BEFORE UPDATE OR DELETE ON checkpoint_entry
    FOR EACH ROW EXECUTE FUNCTION reject_ledger_change();
CREATE TRIGGER checkpoint_entry_no_truncate BEFORE TRUNCATE ON checkpoint_entry
    FOR EACH STATEMENT EXECUTE FUNCTION reject_ledger_change();
