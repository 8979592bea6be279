-- The read-access log tells the whole story (issue #21): failed sign-ins (a name tried, no role, no unit), ids that
-- were not found, refusals by role, and the network address every request came from. Entries written from here on
-- are of format 2, whose hash also covers the address, and which carry an authenticator the database cannot compute
-- (issue #14); the entries already written keep format 1 and their hashes. None of these statements touches a row,
-- so the append-only triggers are not involved.
ALTER TABLE access_log ADD COLUMN format SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE access_log ADD COLUMN address VARCHAR(64);
ALTER TABLE access_log ADD COLUMN authenticator BYTEA;
ALTER TABLE access_log ALTER COLUMN outcome TYPE VARCHAR(20);
ALTER TABLE access_log ALTER COLUMN role DROP NOT NULL;
ALTER TABLE access_log ALTER COLUMN unit DROP NOT NULL;
CREATE INDEX access_log_person ON access_log (person_id, read_at) WHERE person_id IS NOT NULL;

-- Who registered a person: a person in no case file yet is readable by that unit only (AccessPolicy).
ALTER TABLE person_access ADD COLUMN registered_unit VARCHAR(64);
ALTER TABLE person_access ADD COLUMN registered_by VARCHAR(64);
UPDATE person_access p SET registered_unit = e.p -> 'envelope' ->> 'unit', registered_by = e.p -> 'envelope' ->> 'actor'
FROM (SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
      WHERE payload_type = 'org.caseledger.core.person.PersonRegistered') e
WHERE p.person_id = e.aggregate_identifier::uuid;

-- Signed seals of the access log's head (docs/privacy.md): each names a position and the entry hash there, chains to
-- the seal before it and is signed with the ledger's key, so removing the newest entries, or rewriting entries with
-- their hashes recomputed, is found.
CREATE TABLE access_log_seal (
    number             BIGINT      PRIMARY KEY,
    position           BIGINT      NOT NULL,
    entry_hash         BYTEA       NOT NULL,
    previous_seal_hash BYTEA       NOT NULL,
    sealed_at          VARCHAR(40) NOT NULL,
    key_id             VARCHAR(64) NOT NULL,
    signature          BYTEA       NOT NULL
);
CREATE TRIGGER access_log_seal_append_only BEFORE UPDATE OR DELETE ON access_log_seal
    FOR EACH ROW EXECUTE FUNCTION reject_ledger_change();
CREATE TRIGGER access_log_seal_no_truncate BEFORE TRUNCATE ON access_log_seal
    FOR EACH STATEMENT EXECUTE FUNCTION reject_ledger_change();
GRANT SELECT, INSERT ON access_log_seal TO ${application_role};
