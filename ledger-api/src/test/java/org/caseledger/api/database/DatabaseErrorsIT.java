package org.caseledger.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A database error that a log line may print says what went wrong without the values involved: PostgreSQL's detail of a
 * unique violation names the duplicate value, which may be a person's name or identity number.
 */
class DatabaseErrorsIT extends IntegrationTest {

    @Test
    void givenAUniqueViolationOnTheApplicationsConnectionsThenTheErrorDoesNotRepeatTheValue() throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS errors_probe (value TEXT PRIMARY KEY)");
            sql.execute("GRANT SELECT, INSERT ON errors_probe TO " + TestDatabase.APPLICATION_ROLE);
        }
        String value = "Märta Felsson 20150312-" + System.nanoTime();
        jdbc.sql("INSERT INTO errors_probe (value) VALUES (?)").param(value).update();

        Throwable duplicate = catchThrowable(() -> jdbc.sql("INSERT INTO errors_probe (value) VALUES (?)").param(value).update());

        assertThat(duplicate).isNotNull();
        for (Throwable cause = duplicate; cause != null; cause = cause.getCause()) {
            assertThat(cause.getMessage()).as(cause.getClass().getName()).doesNotContain("Märta").doesNotContain("20150312");
        }
        assertThat(duplicate).hasStackTraceContaining("duplicate key value violates unique constraint");
    }
}
