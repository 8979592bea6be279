-- The application works as ledger_app: it may read and append to the ledger tables, never change or remove
-- what is there. Migrations run as the schema owner. In production a login role is made a member of
-- ledger_app (README, "Production"); the application switches to it on every connection.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_app') THEN
        CREATE ROLE ledger_app NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ledger_app;
GRANT SELECT, INSERT ON domain_event_entry, ledger_checkpoint, checkpoint_entry TO ledger_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry, token_entry, case_view, idempotent_request TO ledger_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ledger_app;
