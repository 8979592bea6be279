package org.caseledger.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the integration tests run against, found once per test JVM in this order: the server named by
 * {@code LEDGER_TEST_DB_URL} (with {@code LEDGER_TEST_DB_USER} / {@code LEDGER_TEST_DB_PASSWORD}), a
 * Testcontainers PostgreSQL when a Docker engine answers, else an embedded PostgreSQL. On a configured server
 * each test JVM creates a database of its own, because the ledger tables refuse the deletes a cleanup would need.
 */
public final class TestDatabase {

    public record Database(String url, String user, String password, String source) {

        /** Points the application under test at this database. */
        public void registerIn(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::url);
            registry.add("spring.datasource.username", this::user);
            registry.add("spring.datasource.password", this::password);
        }

        /** A connection to this database as its owner, bypassing the application's restricted role. */
        public Connection ownerConnection() {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                throw new IllegalStateException("no owner connection to the test database " + url, e);
            }
        }
    }

    private static Database database;

    private TestDatabase() {
    }

    public static synchronized Database get() {
        if (database == null) {
            database = resolve();
            System.out.println("Integration tests use PostgreSQL from " + database.source() + ": " + database.url());
        }
        return database;
    }

    private static Database resolve() {
        String url = System.getenv("LEDGER_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String user = envOr("LEDGER_TEST_DB_USER", "postgres");
            String password = envOr("LEDGER_TEST_DB_PASSWORD", "");
            return new Database(freshDatabase(url, user, password), user, password, "LEDGER_TEST_DB_URL");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }));
            return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded PostgreSQL");
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL for the integration tests: set LEDGER_TEST_DB_URL", e);
        }
    }

    /** Another, empty database on the same server, for tests that must not share the common one. */
    public static synchronized Database another() {
        Database common = get();
        return new Database(freshDatabase(common.url(), common.user(), common.password()), common.user(), common.password(),
                common.source());
    }

    /** A connection as the database owner, bypassing the application's restricted role (tests use it to tamper). */
    public static Connection ownerConnection() {
        return get().ownerConnection();
    }

    private static String freshDatabase(String serverUrl, String user, String password) {
        String name = "ledger_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database on " + serverUrl, e);
        }
        return withDatabase(serverUrl, name);
    }

    /** Replaces the database name in a URL such as {@code jdbc:postgresql://host:5432/postgres?x=y}. */
    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        if (slash < 0) {
            return url + "/" + database;
        }
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
