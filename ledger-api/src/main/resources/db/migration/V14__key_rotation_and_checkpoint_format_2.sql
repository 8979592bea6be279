-- Key rotation (issue #14): from which position each signing key of the ledger authenticates what is appended. Epoch 0
-- is the key of ledger_identity; each later epoch is signed over by the key before it (handover) and by itself
-- (endorsement), over the statement of docs/integrity.md, "Key rotation".
CREATE TABLE ledger_key (
    epoch           INTEGER     PRIMARY KEY CHECK (epoch >= 1),
    key_id          TEXT        NOT NULL UNIQUE,
    public_key      BYTEA       NOT NULL UNIQUE CHECK (length(public_key) = 32),
    events_from     BIGINT      NOT NULL,
    access_log_from BIGINT      NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    handover        BYTEA       NOT NULL,
    endorsement     BYTEA       NOT NULL
);
CREATE TRIGGER ledger_key_append_only
    BEFORE UPDATE OR DELETE ON ledger_key
    FOR EACH ROW EXECUTE FUNCTION reject_ledger_change();
CREATE TRIGGER ledger_key_no_truncate
    BEFORE TRUNCATE ON ledger_key
    FOR EACH STATEMENT EXECUTE FUNCTION reject_ledger_change();
GRANT SELECT, INSERT ON ledger_key TO ${application_role};

-- Checkpoint format 2 (issue #14): a checkpoint signs the size and root of the ledger's one Merkle tree, not a tree of
-- its own events. Checkpoints sealed before are format 1 and are verified as they were signed.
ALTER TABLE ledger_checkpoint ADD COLUMN format SMALLINT NOT NULL DEFAULT 1 CHECK (format IN (1, 2));
