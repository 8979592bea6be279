-- Completing erasures replaces rows of data_key and deletes rows of identity_lookup and name_lookup; the replaced
-- versions stay in the tables' files until vacuumed (docs/privacy.md, "What erasure removes, and when"). VACUUM needs the
-- tables' owner, whose credentials the serving process does not hold. From PostgreSQL 17 the owner can grant the right to
-- vacuum alone (MAINTAIN), and the completion vacuums at once; before 17 autovacuum does it, set here to take these
-- tables up at their first dead row instead of after a fifth of the table has changed: within autovacuum_naptime (a
-- minute by default).
ALTER TABLE data_key SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
ALTER TABLE identity_lookup SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
ALTER TABLE name_lookup SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);

DO $$
BEGIN
    IF current_setting('server_version_num')::integer >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON data_key, identity_lookup, name_lookup TO ${application_role}';
    END IF;
END
$$;
