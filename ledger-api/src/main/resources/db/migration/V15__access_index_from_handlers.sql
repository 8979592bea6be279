-- One source for the access index (issue 15): only the Java handlers (AccessIndex) derive it, from the events as the
-- serializer and its upcasters give them, and it is rebuilt by replaying them (AccessIndexReplay). The SQL copy read
-- the stored JSON past both: since V8 it could no longer read identity numbers and wrote every birth day as NULL.
DROP FUNCTION refresh_access_index();

-- What the retention policy needs, kept by the same handlers, so that no SQL reads stored event JSON:
-- the recorded time of a case file's newest entry, and the kinds of intervention it names (offered or decided).
-- NULL for rows written before this migration: retention keeps such files (unknown means keep) until the index has
-- been rebuilt, which the ledger does by itself at start-up when it finds such rows.
ALTER TABLE case_access ADD COLUMN last_entry_at TIMESTAMPTZ;
ALTER TABLE case_access ADD COLUMN intervention_kinds VARCHAR(32)[] NOT NULL DEFAULT '{}';

-- A person's newest entry (registration, approvals of their erasure), and why their day of birth is not known when it
-- is not: RESERVE_NUMBER (a reserve number carries none), IDENTITY_NUMBER_UNREADABLE, or ERASED (the day, derived from the
-- identity number, is forgotten with the person).
ALTER TABLE person_access ADD COLUMN last_entry_at TIMESTAMPTZ;
ALTER TABLE person_access ADD COLUMN birth_day_unknown VARCHAR(32);

-- The newest outreach entry with a household (a conversation without an aid decision, support and service): the
-- office's work with the family goes on, so the household's members are kept.
CREATE TABLE household_activity (
    household_id  UUID        PRIMARY KEY,
    last_entry_at TIMESTAMPTZ NOT NULL
);

-- Persons named in a case file other than as its child (a consent's giver): the register extract finds them here.
CREATE TABLE case_person (
    case_id   UUID NOT NULL,
    person_id UUID NOT NULL,
    PRIMARY KEY (person_id, case_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON household_activity, case_person TO ${application_role};
