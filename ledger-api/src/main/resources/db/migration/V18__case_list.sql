-- The case list (GET /api/cases) filters and pages on the access index, which is kept in the appending transaction:
-- when each case file was opened (the report's or the first entry's time, as recorded), and indexes for its two
-- orders, newest activity first and case number. NULL for rows written before this migration until the index is
-- rebuilt, which the ledger does by itself at start-up when it finds such rows.
ALTER TABLE case_access ADD COLUMN opened_at TIMESTAMPTZ;

CREATE INDEX case_access_unit_activity ON case_access (unit, last_entry_at DESC, case_id);
CREATE INDEX case_access_activity ON case_access (last_entry_at DESC, case_id);
CREATE INDEX case_access_unit_number ON case_access (unit, case_number, case_id);
CREATE INDEX case_access_number ON case_access (case_number, case_id);
