-- The application works as its own role (ledger.database.application-role, the placeholder below): it may read and
-- append to the ledger tables, never change or remove what is there. Migrations run as the schema owner, who cannot
-- create roles: the role and a login role that is a member of it are created beforehand, by a superuser, with the
-- bootstrap SQL (README, "Production"); the application switches to the role on every connection.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${application_role}') THEN
        RAISE EXCEPTION 'the application role ${application_role} does not exist: a superuser creates it before the first migration (java -jar ledger-api.jar bootstrap-sql)';
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ${application_role};
GRANT SELECT, INSERT ON domain_event_entry, ledger_checkpoint, checkpoint_entry TO ${application_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry, token_entry, case_view, idempotent_request TO ${application_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${application_role};
