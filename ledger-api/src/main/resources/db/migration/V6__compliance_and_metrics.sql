-- Read models for legal review and the unit head (docs/metrics.md). Disposable: rebuilt with the case view.
CREATE TABLE compliance_check (
    case_id       UUID         NOT NULL,
    case_number   VARCHAR(20)  NOT NULL,
    unit          VARCHAR(40)  NOT NULL,
    assignee      VARCHAR(64),
    rule          VARCHAR(60)  NOT NULL,
    subject       VARCHAR(64)  NOT NULL,
    reference_day DATE         NOT NULL,
    due_on        DATE,
    met_on        DATE,
    met           BOOLEAN,
    detail        TEXT         NOT NULL,
    PRIMARY KEY (case_id, rule, subject)
);
CREATE INDEX compliance_check_period ON compliance_check (unit, reference_day);
CREATE INDEX compliance_check_open ON compliance_check (due_on) WHERE met IS NULL;

-- One row per countable fact: a metric of a period is a count, a distinct count, a sum or a median of its rows.
CREATE TABLE metric_fact (
    stream          VARCHAR(64)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    metric          VARCHAR(60)  NOT NULL,
    subject         VARCHAR(64)  NOT NULL,
    case_id         UUID,
    unit            VARCHAR(40)  NOT NULL,
    day             DATE         NOT NULL,
    dimension       VARCHAR(60),
    value           NUMERIC      NOT NULL DEFAULT 1,
    PRIMARY KEY (stream, sequence_number, metric, subject)
);
CREATE INDEX metric_fact_period ON metric_fact (metric, unit, day);

GRANT SELECT, INSERT, UPDATE, DELETE ON compliance_check, metric_fact TO ${application_role};
