package org.caseledger.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.caseledger.api.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database migrated before the migrations took the application role's name from configuration: its history holds the
 * old texts' checksums. The migrate step records the new ones for exactly the rewritten versions, after which Flyway
 * validates it; a history whose checksum is neither the old text's nor the new one's still fails, so a changed
 * migration is found as before.
 */
class RewrittenChecksumsIT {

    private static final RoleName ROLE = new RoleName(TestDatabase.APPLICATION_ROLE);

    @Test
    void theTableOfRewrittenChecksumsNamesTheMigrationsAsTheyAreNow() {
        DriverManagerDataSource owner = owner(TestDatabase.another());
        Map<String, Integer> resolved = new java.util.HashMap<>();
        for (MigrationInfo migration : Flyway.configure().dataSource(owner).table("no_history_here")
                .placeholders(Map.of(LedgerMigrations.ROLE_PLACEHOLDER, ROLE.value())).load().info().pending()) {
            resolved.put(migration.getVersion().getVersion(), migration.getChecksum());
        }

        RewrittenChecksums.REWRITTEN.forEach((version, checksums) ->
                assertThat(resolved.get(version)).as("the checksum of V" + version + " as it is now").isEqualTo(checksums[1]));
    }

    /**
     * Each rewritten migration but V5 (which also stopped creating the role) differs from its text as applied only in the
     * role's name: with {@code ledger_app} written back in place of the placeholder, Flyway computes the old checksum.
     */
    @Test
    void theTableOfRewrittenChecksumsNamesTheMigrationsAsTheyWereApplied(@TempDir Path applied) throws IOException {
        for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
            String version = migration.getFilename().replaceAll("^V(\\d+)__.*", "$1");
            if (RewrittenChecksums.REWRITTEN.containsKey(version) && !"5".equals(version)) {
                Files.writeString(applied.resolve(migration.getFilename()), migration.getContentAsString(StandardCharsets.UTF_8)
                        .replace("${" + LedgerMigrations.ROLE_PLACEHOLDER + "}", "ledger_app"), StandardCharsets.UTF_8);
            }
        }
        Map<String, Integer> resolved = new java.util.HashMap<>();
        for (MigrationInfo migration : Flyway.configure().dataSource(owner(TestDatabase.another())).table("no_history_here")
                .locations("filesystem:" + applied).load().info().pending()) {
            resolved.put(migration.getVersion().getVersion(), migration.getChecksum());
        }

        assertThat(resolved).hasSize(RewrittenChecksums.REWRITTEN.size() - 1);
        resolved.forEach((version, checksum) ->
                assertThat(checksum).as("the checksum of V" + version + " as it was applied").isEqualTo(RewrittenChecksums.REWRITTEN.get(version)[0]));
    }

    @Test
    void givenAHistoryOfTheOldTextsWhenMigratedThenTheNewChecksumsAreRecordedAndTheSchemaValidates() {
        // Given a database whose history holds the checksums of the texts as they were applied before
        TestDatabase.Database database = TestDatabase.another();
        JdbcClient history = JdbcClient.create(owner(database));
        RewrittenChecksums.REWRITTEN.forEach((version, checksums) -> history
                .sql("UPDATE flyway_schema_history SET checksum = ? WHERE version = ?").params(checksums[0], version).update());
        assertThatThrownBy(() -> LedgerMigrations.check(owner(database), ROLE)).hasMessageContaining("checksum mismatch");

        // When the migrate step runs
        LedgerMigrations.migrate(owner(database), ROLE);

        // Then the history holds the new checksums and the schema validates
        LedgerMigrations.check(owner(database), ROLE);
        RewrittenChecksums.REWRITTEN.forEach((version, checksums) -> assertThat(history
                .sql("SELECT checksum FROM flyway_schema_history WHERE version = ?").param(version).query(Integer.class).single())
                .isEqualTo(checksums[1]));
    }

    @Test
    void givenAMigrationChangedInAnyOtherWayWhenMigratedThenTheStepRefusesIt() {
        // Given a database whose history holds, for one rewritten version, a checksum of neither text
        TestDatabase.Database database = TestDatabase.another();
        JdbcClient.create(owner(database)).sql("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '7'").update();

        // When the migrate step runs, then Flyway refuses the changed migration
        assertThatThrownBy(() -> LedgerMigrations.migrate(owner(database), ROLE)).hasMessageContaining("checksum mismatch")
                .hasMessageContaining("7");
    }

    private static DriverManagerDataSource owner(TestDatabase.Database database) {
        return new DriverManagerDataSource(database.url(), database.user(), database.password());
    }
}
