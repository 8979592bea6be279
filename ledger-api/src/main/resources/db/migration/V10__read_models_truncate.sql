-- A rebuild empties the read models with TRUNCATE rather than DELETE. A DELETE of every row left them as dead
-- tuples that no vacuum had reached by the time the replay wrote the tables again: over a million events the
-- replay's per-batch lookups of a case's compliance checks then read hundreds of megabytes of dead rows from disk
-- (issue #7). The ledger's own tables stay beyond the application's reach.
GRANT TRUNCATE ON case_view, compliance_check, metric_fact TO ${application_role};
