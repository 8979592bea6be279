-- Appends the database cannot forge (issue #14): every event row carries an authenticator, an HMAC over its hash
-- with a key derived from the application's signing key, which the database never holds (docs/integrity.md).
ALTER TABLE domain_event_entry ADD COLUMN authenticator BYTEA;

-- The ledger's identity, written once by the first node to start after this migration, under the same key: an id
-- (which a node's memory of the last checkpoint is kept under) and the first global position from which every
-- event must carry an authenticator; events appended before authenticators existed lie below it.
CREATE TABLE ledger_identity (
    id                 SMALLINT PRIMARY KEY CHECK (id = 1),
    ledger_id          UUID     NOT NULL,
    authenticated_from BIGINT   NOT NULL,
    mac                BYTEA    NOT NULL
);
CREATE TRIGGER ledger_identity_append_only
    BEFORE UPDATE OR DELETE ON ledger_identity
    FOR EACH ROW EXECUTE FUNCTION reject_ledger_change();
CREATE TRIGGER ledger_identity_no_truncate
    BEFORE TRUNCATE ON ledger_identity
    FOR EACH STATEMENT EXECUTE FUNCTION reject_ledger_change();
GRANT SELECT, INSERT ON ledger_identity TO ${application_role};
