package org.caseledger.api.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, within a second (health {@code database}, part of readiness; docs/operations.md,
 * "Health and probes"). It asks over a connection of its own, not the application's pool: a pool busy with requests is
 * no outage, and a pool waiting for a database that is gone waits its whole connection timeout (5 s) before it says so.
 * The question runs on a thread of its own and one question at a time: health waits for it at most
 * {@link #ANSWER_WITHIN}, and callers arriving meanwhile wait for the same answer instead of asking again.
 */
@Component("database")
public class DatabaseProbe implements HealthIndicator, DisposableBean {

    /** The longest health waits for the database's answer. */
    static final Duration ANSWER_WITHIN = Duration.ofMillis(800);

    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

    /** What a question found: no error, or what went wrong. */
    private record Answer(String error) {

        boolean answered() {
            return error == null;
        }
    }

    private final DataSource dataSource;
    private final ExecutorService asker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Answer> asking;
    private Connection connection;
    private volatile boolean down;

    DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        Answer answer;
        try {
            answer = question().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer = new Answer("no answer within " + ANSWER_WITHIN.toMillis() + " ms");
        } catch (ExecutionException e) {
            answer = new Answer(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer("interrupted");
        }
        noteChange(answer);
        return answer.answered() ? Health.up().build() : Health.down().withDetail("error", answer.error()).build();
    }

    /** The question in flight, or a new one. */
    private synchronized Future<Answer> question() {
        if (asking == null || asking.isDone()) {
            asking = asker.submit(this::ask);
        }
        return asking;
    }

    /** Asks over the connection kept from the last time; if that one broke (a restarted database), once more over a new one. */
    private Answer ask() {
        boolean kept = connection != null;
        Answer answer = askOnce();
        return answer.answered() || !kept ? answer : askOnce();
    }

    private Answer askOnce() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = connect();
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(1);
                statement.execute("SELECT 1");
            }
            return new Answer(null);
        } catch (SQLException | RuntimeException e) {
            close();
            return new Answer(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * A connection to the application's database, as its pool connects, with short timeouts: a host that does not answer
     * at all (gone from the network) fails the question in a second instead of the operating system's minutes.
     */
    private Connection connect() throws SQLException {
        if (!(dataSource instanceof HikariDataSource pool)) {
            return dataSource.getConnection();
        }
        Properties properties = new Properties();
        pool.getDataSourceProperties().forEach(properties::put);
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("connectTimeout", "1");
        properties.setProperty("socketTimeout", "2");
        properties.setProperty("ApplicationName", "case-ledger health");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    private void noteChange(Answer answer) {
        if (!answer.answered() && !down) {
            log.warn("The database does not answer: {}", answer.error());
        } else if (answer.answered() && down) {
            log.info("The database answers again");
        }
        down = !answer.answered();
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken: nothing more to release
            }
            connection = null;
        }
    }

    /** The connection belongs to the asking thread: it is closed once that thread has ended. */
    @Override
    public void destroy() throws InterruptedException {
        asker.shutdownNow();
        if (asker.awaitTermination(2, TimeUnit.SECONDS)) {
            close();
        }
    }
}
