-- Who may see a case: its unit, its assigned case worker, and whether the child or a member of the household
-- has a protected identity. Written in the same transaction as the events it is derived from, so that an
-- access decision never rests on a view that lags behind the ledger.
CREATE TABLE case_access (
    case_id      UUID        PRIMARY KEY,
    case_number  VARCHAR(20) NOT NULL,
    unit         VARCHAR(64) NOT NULL,
    assignee     VARCHAR(64),
    child_id     UUID        NOT NULL,
    household_id UUID        NOT NULL
);
CREATE INDEX case_access_child ON case_access (child_id);
CREATE INDEX case_access_household ON case_access (household_id);

-- birth_day is the day of the month of birth (from the identity number; absent for a reserve number), kept
-- because the national research sample (persons born on the 5th, 15th and 25th) is exempt from erasure.
CREATE TABLE person_access (
    person_id          UUID     PRIMARY KEY,
    household_id       UUID,
    protected_identity BOOLEAN  NOT NULL,
    birth_day          SMALLINT,
    erased             BOOLEAN  NOT NULL DEFAULT false
);
CREATE INDEX person_access_household ON person_access (household_id) WHERE protected_identity;

-- Derives the index from the events already stored: for a ledger written before this migration, and to
-- rebuild the index (TRUNCATE case_access, person_access; then call it). Idempotent.
CREATE FUNCTION refresh_access_index() RETURNS void LANGUAGE sql AS $$
    INSERT INTO case_access (case_id, case_number, unit, assignee, child_id, household_id)
    SELECT (p ->> 'caseId')::uuid, p ->> 'caseNumber', p ->> 'unit', NULL, (p ->> 'child')::uuid, (p ->> 'household')::uuid
    FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
          WHERE payload_type = 'org.caseledger.core.cases.CaseOpened') opened
    ON CONFLICT (case_id) DO NOTHING;

    UPDATE case_access c SET assignee = latest.assignee
    FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, convert_from(payload, 'UTF8')::jsonb ->> 'assignee' AS assignee
          FROM domain_event_entry WHERE payload_type = 'org.caseledger.core.cases.CaseAssigned'
          ORDER BY aggregate_identifier, sequence_number DESC) latest
    WHERE c.case_id = latest.aggregate_identifier::uuid;

    UPDATE case_access c SET unit = latest.unit
    FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, convert_from(payload, 'UTF8')::jsonb ->> 'toUnit' AS unit
          FROM domain_event_entry WHERE payload_type = 'org.caseledger.core.cases.CaseTransferred'
          ORDER BY aggregate_identifier, sequence_number DESC) latest
    WHERE c.case_id = latest.aggregate_identifier::uuid;

    INSERT INTO person_access (person_id, household_id, protected_identity, birth_day)
    SELECT (p ->> 'personId')::uuid, (p ->> 'household')::uuid, coalesce((p ->> 'protectedIdentity')::boolean, false),
           CASE WHEN p ->> 'identityNumber' ~ '^[0-9]{8}-[0-9]{4}$'
                THEN substring(p ->> 'identityNumber', 7, 2)::int % 60 END
    FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
          WHERE payload_type = 'org.caseledger.core.person.PersonRegistered') registered
    ON CONFLICT (person_id) DO NOTHING;

    UPDATE person_access SET erased = true
    WHERE person_id IN (SELECT aggregate_identifier::uuid FROM domain_event_entry
                        WHERE payload_type = 'org.caseledger.core.person.PersonErased');
$$;

SELECT refresh_access_index();

-- The read-access log (loggkontroll): every read of case data, and every refused attempt that touched a case.
-- Append-only and hash-chained like the ledger: each entry's hash covers its fields and the previous hash.
CREATE TABLE access_log (
    position      BIGINT       PRIMARY KEY,
    read_at       TIMESTAMPTZ  NOT NULL,
    staff_id      VARCHAR(64)  NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    unit          VARCHAR(64)  NOT NULL,
    case_id       UUID,
    person_id     UUID,
    what          VARCHAR(200) NOT NULL,
    detail        VARCHAR(500),
    purpose       VARCHAR(500),
    outcome       VARCHAR(10)  NOT NULL,
    case_unit     VARCHAR(64),
    assigned      BOOLEAN      NOT NULL,
    protected     BOOLEAN      NOT NULL,
    previous_hash BYTEA        NOT NULL,
    hash          BYTEA        NOT NULL
);
CREATE INDEX access_log_case ON access_log (case_id, read_at);
CREATE INDEX access_log_staff ON access_log (staff_id, read_at);
CREATE INDEX access_log_time ON access_log (read_at);

CREATE TRIGGER access_log_append_only
    BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION reject_ledger_change();
CREATE TRIGGER access_log_no_truncate
    BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION reject_ledger_change();

GRANT SELECT, INSERT, UPDATE, DELETE ON case_access, person_access TO ${application_role};
GRANT SELECT, INSERT ON access_log TO ${application_role};
