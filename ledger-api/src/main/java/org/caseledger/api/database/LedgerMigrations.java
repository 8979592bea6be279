package org.caseledger.api.database;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's migrations, configured in this one place for each of their three uses: the {@code migrate} step on a
 * database server (as the schema owner), the embedded default at start (as its own superuser), and the serving
 * process's check that the schema it is given is the one it was built for (as its own role, which may read the history
 * and nothing more). The grants in the migrations name the application role through the placeholder
 * {@value #ROLE_PLACEHOLDER}; Flyway checksums a migration's text before placeholders are replaced, so the role's name
 * is not part of a checksum (ADR 0017).
 */
public final class LedgerMigrations {

    static final String ROLE_PLACEHOLDER = "application_role";
    static final String KEY_OWNER_PLACEHOLDER = "key_owner_role";
    private static final String LOCATION = "classpath:db/migration";

    private LedgerMigrations() {
    }

    /**
     * Migrates the schema, as its owner. The migrations rewritten to take the role's name from configuration are
     * recorded again with their new checksums first ({@link RewrittenChecksums}), where they were applied as they were.
     */
    public static MigrateResult migrate(DataSource owner, RoleName applicationRole) {
        Flyway flyway = flyway(owner, applicationRole);
        RewrittenChecksums.realign(owner, flyway.getConfiguration().getTable());
        return flyway.migrate();
    }

    /**
     * Refuses a schema that is not the one this version of the ledger was built for: a migration not yet applied, or an
     * applied one whose text differs. Migrations newer than this version are allowed, so that the nodes of a ledger can
     * be upgraded one by one after the new version's {@code migrate}.
     */
    public static void check(DataSource application, RoleName applicationRole) {
        try {
            flyway(application, applicationRole).validate();
        } catch (FlywayException e) {
            throw new IllegalStateException("the database's schema is not the one this version of the ledger needs (" + e.getMessage().strip()
                    + "). Migrate it first, as the schema owner: java -jar ledger-api.jar migrate (docs/operations.md, \"Setting up on a database server\")", e);
        }
    }

    /**
     * The owner of the tables that hold keys and lookup digests ({@code data_key}, {@code identity_lookup},
     * {@code name_lookup}; V31), named after the application role, a member of it, so that each ledger database on a
     * cluster has its own: the serving process vacuums them after an erasure, which needs their owner.
     */
    public static RoleName keyOwnerOf(RoleName applicationRole) {
        return new RoleName(applicationRole.value() + "_keys");
    }

    private static Flyway flyway(DataSource dataSource, RoleName applicationRole) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .placeholders(Map.of(ROLE_PLACEHOLDER, applicationRole.value(), KEY_OWNER_PLACEHOLDER, keyOwnerOf(applicationRole).value()))
                .load();
    }
}
