package org.caseledger.api.config;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.util.StringUtils;

/**
 * The two pools the ledger uses: migrations connect as the schema owner; the application connects as its own
 * restricted role (see {@code V5__application_role.sql}), switched to on every connection, so that even a
 * defect in the application cannot change or remove a ledger row.
 */
final class DataSources {

    /** How long a request waits for a connection before the ledger answers that the database is unavailable. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

    /** The longest a transaction may sit idle between two statements before the server rolls it back. */
    static final Duration IDLE_IN_TRANSACTION = Duration.ofMinutes(1);

    private DataSources() {
    }

    static HikariDataSource application(String url, String user, String password, String role, String poolName) {
        HikariDataSource pool = pool(url, user, password, poolName);
        if (StringUtils.hasText(role)) {
            if (!role.matches("^[a-z_][a-z0-9_]{0,62}$")) {
                throw new IllegalArgumentException("ledger.database.application-role must be a plain role name, not " + role);
            }
            pool.setConnectionInitSql("SET ROLE " + role);
        }
        return pool;
    }

    static HikariDataSource migrations(String url, String user, String password, String poolName) {
        HikariDataSource pool = pool(url, user, password, poolName);
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        return pool;
    }

    private static HikariDataSource pool(String url, String user, String password, String poolName) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setPoolName(poolName);
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
}
