-- Households (ADR 0020), kept by the access index's handlers (AccessIndex) and rebuilt with it by replay.
--
-- Every person who is or was a member of a household, however they became one: through an event of the household's
-- own stream (HouseholdMemberJoined), through a registration into it (PersonRegistered.household), or as the child of
-- one of its cases (CaseOpened). A protected identity of any of them protects every case file of the household.
-- in_files: the person is in every case file of the household (a member by event or registration), and whoever may
-- read one of those files may read them; a case's child who is no member otherwise is in their own files only.
CREATE TABLE household_member (
    household_id UUID    NOT NULL,
    person_id    UUID    NOT NULL,
    in_files     BOOLEAN NOT NULL,
    PRIMARY KEY (household_id, person_id)
);
CREATE INDEX household_member_person ON household_member (person_id);

-- The periods of the household's recorded members (its own stream), as they happened (from_at, to_at: occurredAt) and
-- as they were recorded (from_recorded_at, to_recorded_at), so that figures as the ledger knew them at an instant can
-- leave out what was recorded later. A period begins with a joining or a relation change (sequence_number: that
-- event's place in the household's stream) and ends with the next change or a leaving.
CREATE TABLE household_membership (
    household_id     UUID        NOT NULL,
    sequence_number  BIGINT      NOT NULL,
    person_id        UUID        NOT NULL,
    relation         VARCHAR(32) NOT NULL,
    from_at          TIMESTAMPTZ NOT NULL,
    from_recorded_at TIMESTAMPTZ NOT NULL,
    to_at            TIMESTAMPTZ,
    to_recorded_at   TIMESTAMPTZ,
    PRIMARY KEY (household_id, sequence_number)
);
CREATE INDEX household_membership_person ON household_membership (person_id);

-- The outreach activities with each household (conversations without an aid decision, support and service), with the
-- unit that recorded them: the household's view lists them for that unit's staff.
CREATE TABLE household_outreach (
    household_id UUID        NOT NULL,
    activity_id  UUID        NOT NULL,
    unit         VARCHAR(64) NOT NULL,
    PRIMARY KEY (household_id, activity_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON household_member, household_membership, household_outreach TO ${application_role};
