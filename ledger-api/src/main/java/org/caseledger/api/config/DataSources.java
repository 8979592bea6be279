package org.caseledger.api.config;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.caseledger.api.database.LeastPrivilege;
import org.caseledger.api.database.LedgerMigrations;
import org.caseledger.api.database.RoleName;
import org.caseledger.api.setup.Setup;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The application's pool: its connections log in as the configured user and switch to the ledger's restricted role
 * (see {@code V5__application_role.sql}) on every connection, so that even a defect in the application cannot change or
 * remove a ledger row. No pool of the serving process holds the schema owner's credentials: migrations are a step of
 * their own on a server, and the embedded default migrates before its pool exists.
 */
final class DataSources {

    /** How long a request waits for a connection before the ledger answers that the database is unavailable. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

    /** The longest a transaction may sit idle between two statements before the server rolls it back. */
    static final Duration IDLE_IN_TRANSACTION = Duration.ofMinutes(1);

    private DataSources() {
    }

    static HikariDataSource application(String url, String user, String password, RoleName role, String poolName) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setPoolName(poolName);
        pool.setConnectionInitSql(setRole(role));
        // When the database is gone a request must fail soon with 503, not wait Hikari's default 30 s.
        pool.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        pool.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        // A transaction left idle is ended by the server. This bounds how long an appended event can stay
        // uncommitted, which the event processors' gap timeout must exceed (see EventStoreProperties).
        pool.addDataSourceProperty("options", "-c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION.toMillis());
        // PostgreSQL's detail of an error names the values involved ("Key (...)=(...) already exists"), and the driver puts it
        // in the exception's message, which a log line may print: personal data never goes there (docs/operations.md, "Logs").
        pool.addDataSourceProperty("logServerErrorDetail", "false");
        return pool;
    }

    /**
     * Checks, on one connection made as the application's connections will be, that the schema is the one this version
     * was built for and that neither the login nor the role may change the ledger's history; before the pool exists,
     * so that nothing in the application has used the database yet when the ledger refuses to start.
     */
    static void checkBeforeUse(String url, String user, String password, RoleName role, Setup setup) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            LeastPrivilege.checkLogin(connection, setup);
            try (Statement statement = connection.createStatement()) {
                statement.execute(setRole(role));
            }
            LedgerMigrations.check(new SingleConnectionDataSource(connection, true), role);
            LeastPrivilege.checkRole(connection, role);
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to " + url + " as " + user + " and switch to the role " + role + ": "
                    + e.getMessage(), e);
        }
    }

    private static String setRole(RoleName role) {
        return "SET ROLE " + role.value();
    }
}
