-- Decisions, extensions and hearings recorded long after they happened (docs/metrics.md, "Late recording"): a read
-- model, rebuilt with the others. misses_turned names the rules whose missed check the recording turned into a pass.
CREATE TABLE late_recording (
    case_id         UUID         NOT NULL,
    sequence_number BIGINT       NOT NULL,
    case_number     VARCHAR(20)  NOT NULL,
    unit            VARCHAR(64)  NOT NULL,
    event_type      VARCHAR(60)  NOT NULL,
    decision_kind   VARCHAR(60),
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    recorded_on     DATE         NOT NULL,
    days_after      BIGINT       NOT NULL,
    misses_turned   TEXT[]       NOT NULL,
    PRIMARY KEY (case_id, sequence_number)
);
CREATE INDEX late_recording_unit_recorded ON late_recording (unit, recorded_on);

GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON late_recording TO ${application_role};
