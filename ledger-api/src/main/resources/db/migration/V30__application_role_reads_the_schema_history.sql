-- The serving process never migrates a database server: the schema owner runs the migrations as a step of their own
-- (java -jar ledger-api.jar migrate). At start the serving process checks, as its own role, that the schema is the one it
-- was built for (LedgerMigrations.check), and refuses to start otherwise; reading the history is all that needs.
GRANT SELECT ON ${flyway:defaultSchema}.${flyway:table} TO ${application_role};
