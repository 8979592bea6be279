-- The staff registry as the access index keeps it from the staff events (core/staff): one row per member, and one
-- per membership period, so that the command bus can ask "did this person work in this unit, in this role, on this
-- day?" in one indexed read. Derived and rebuilt like the rest of the access index; never the source of truth.
CREATE TABLE staff_member (
    staff_id      VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);

-- A period ends the day before the next one starts, or on the membership's last day; valid_to NULL: still in force.
CREATE TABLE staff_membership (
    staff_id   VARCHAR(64) NOT NULL,
    unit       VARCHAR(64) NOT NULL,
    role       VARCHAR(32) NOT NULL,
    valid_from DATE        NOT NULL,
    valid_to   DATE,
    PRIMARY KEY (staff_id, valid_from)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON staff_member, staff_membership TO ${application_role};
