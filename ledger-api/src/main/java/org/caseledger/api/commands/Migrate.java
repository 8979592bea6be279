package org.caseledger.api.commands;

import org.caseledger.api.database.DatabaseProperties;
import org.caseledger.api.database.LedgerMigrations;
import org.caseledger.api.setup.Setup;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code migrate}: brings the schema of the configured database server to this version, as the schema owner
 * ({@code LEDGER_DB_OWNER_USER} / {@code LEDGER_DB_OWNER_PASSWORD}), granting the application role
 * ({@code ledger.database.application-role}) what it needs. The only step that holds the owner's credentials; the
 * serving process refuses to start until it has run.
 */
final class Migrate implements LedgerCommands.Command {

    @Override
    public String summary() {
        return "migrate the database server's schema as its owner (LEDGER_DB_OWNER_USER/PASSWORD)";
    }

    @Override
    public boolean printsData() {
        return false;
    }

    @Override
    public int run(LedgerCommands.Invocation invocation) {
        var environment = invocation.environment();
        if (Setup.of(environment) == Setup.EMBEDDED) {
            invocation.err().println("migrate is for a database server (LEDGER_DB_URL); the embedded default migrates itself at start");
            return 1;
        }
        DatabaseProperties database = Binder.get(environment).bindOrCreate("ledger.database", DatabaseProperties.class);
        if (database.ownerUser() == null) {
            invocation.err().println("migrate runs as the schema owner: set LEDGER_DB_OWNER_USER and LEDGER_DB_OWNER_PASSWORD "
                    + "(ledger.database.owner-user, ledger.database.owner-password)");
            return 1;
        }
        String url = environment.getRequiredProperty("spring.datasource.url");
        MigrateResult result = LedgerMigrations.migrate(new DriverManagerDataSource(url, database.ownerUser(),
                database.ownerPassword() == null ? "" : database.ownerPassword()), database.applicationRole());
        invocation.out().printf("%s: schema %s -> %s (%d migrations applied) as %s; granted to the role %s%n", result.database,
                result.initialSchemaVersion == null ? "empty" : result.initialSchemaVersion,
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion, result.migrationsExecuted,
                database.ownerUser(), database.applicationRole());
        return 0;
    }
}
