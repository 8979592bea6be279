package org.caseledger.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every grant of a migration names the application role (or the key tables' owner, named after it) through a
 * placeholder, so that each ledger database on a cluster grants to the roles its configuration names; and no migration creates a role, which the schema owner may not.
 */
class MigrationTextsTest {

    @Test
    void noMigrationNamesTheApplicationRoleOrCreatesARole() throws IOException {
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql");

        assertThat(migrations).hasSizeGreaterThan(20);
        for (Resource migration : migrations) {
            String text = migration.getContentAsString(StandardCharsets.UTF_8).replaceAll("--[^\n]*", "");
            assertThat(text).as(migration.getFilename()).doesNotContainPattern("(?i)\\bTO\\s+ledger_app\\b")
                    .doesNotContainPattern("(?i)CREATE\\s+ROLE");
            text.lines().filter(line -> line.matches("(?i)^\\s*GRANT .* TO .*"))
                    .forEach(grant -> assertThat(grant).as(migration.getFilename()).containsAnyOf("TO ${application_role}", "TO ${key_owner_role}"));
        }
    }
}
