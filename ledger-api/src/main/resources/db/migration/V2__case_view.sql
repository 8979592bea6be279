-- The case view read model: disposable, rebuilt by replaying the events.
CREATE TABLE case_view (
    case_id     UUID        PRIMARY KEY,
    case_number VARCHAR(20) NOT NULL,
    unit        VARCHAR(40) NOT NULL,
    status      VARCHAR(20) NOT NULL,
    child_id    UUID        NOT NULL,
    assignee    VARCHAR(64),
    version     BIGINT      NOT NULL,
    document    JSONB       NOT NULL
);

CREATE INDEX case_view_unit ON case_view (unit, case_number);
CREATE INDEX case_view_assignee ON case_view (assignee) WHERE assignee IS NOT NULL;
