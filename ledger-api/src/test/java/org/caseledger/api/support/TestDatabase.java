package org.caseledger.api.support;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.caseledger.api.database.LedgerMigrations;
import org.caseledger.api.database.RoleName;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the integration tests run against, found once per test JVM in this order: the server named by
 * {@code LEDGER_TEST_DB_URL} (with {@code LEDGER_TEST_DB_USER} / {@code LEDGER_TEST_DB_PASSWORD}), a
 * Testcontainers PostgreSQL when a Docker engine answers, else an embedded PostgreSQL. On a configured server
 * each test JVM creates a database of its own, because the ledger tables refuse the deletes a cleanup would need.
 * <p>
 * Each database is set up as an operator sets one up (docs/operations.md, "Setting up on a database server"), with the server's superuser as the schema
 * owner: the application role and a login that is a member of it and nothing more exist on the server, the migrations
 * are run as a step of their own before the application starts, and the application logs in as that login.
 */
public final class TestDatabase {

    /** The role the migrations grant to, the default of {@code ledger.database.application-role}. */
    public static final String APPLICATION_ROLE = "ledger_app";
    /** The owner of the key tables (V31), of which the application role is a member. */
    private static final String KEY_OWNER = LedgerMigrations.keyOwnerOf(new RoleName(APPLICATION_ROLE)).value();
    /** The login every application under test uses: a member of the application role, with no rights of its own. */
    public static final String LOGIN = "ledger_it_login";
    public static final String LOGIN_PASSWORD = "ledger-it";

    /**
     * A database of the tests.
     *
     * @param user     the server's superuser, who owns the schema, migrates it, and tampers with it in the tests
     * @param password the superuser's password
     */
    public record Database(String url, String user, String password, String source) {

        /** Points the application under test at this database, logged in as {@link #LOGIN}. */
        public void registerIn(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::url);
            registry.add("spring.datasource.username", () -> LOGIN);
            registry.add("spring.datasource.password", () -> LOGIN_PASSWORD);
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
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return onServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
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
            return onServer(urlOf(postgres), "postgres", "", "embedded PostgreSQL");
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL for the integration tests: set LEDGER_TEST_DB_URL", e);
        }
    }

    /**
     * Whether a Docker engine answers. Asked with no engine, Testcontainers logs every way it tried and an ERROR ("Could
     * not find a valid Docker environment") before answering no; here no engine is a normal case with a fallback, so
     * its log is silenced for the question alone, and the fallback is named in the line {@link #get()} prints.
     */
    private static boolean dockerAnswers() {
        org.slf4j.Logger testcontainers = LoggerFactory.getLogger("org.testcontainers");
        if (!(testcontainers instanceof ch.qos.logback.classic.Logger logger)) {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        Level level = logger.getLevel();
        logger.setLevel(Level.OFF);
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } finally {
            logger.setLevel(level);
        }
    }

    /**
     * The URL of an embedded PostgreSQL's database {@code postgres}, without the user its own URL names: a user in the URL
     * would take the place of the login the application is given.
     */
    public static String urlOf(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /**
     * A database the caller's own server holds (a test that starts and stops its PostgreSQL), set up as every test
     * database is: the roles created on the server, the schema migrated by its superuser.
     */
    public static Database onServer(String url, String superuser, String password, String source) {
        createRoles(url, superuser, password);
        migrate(url, superuser, password);
        return new Database(url, superuser, password, source);
    }

    /** Another database on the same server, migrated and holding nothing, for tests that must not share the common one. */
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
        createRoles(serverUrl, user, password);
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database on " + serverUrl, e);
        }
        String url = withDatabase(serverUrl, name);
        migrate(url, user, password);
        return url;
    }

    /**
     * The roles of the bootstrap SQL that a test server needs: the application role, the key tables' owner, of which the
     * application role is a member, and the test login, made a member of the application role. Roles are the server's, shared by every test database on it and by test JVMs running at the same time.
     */
    private static void createRoles(String serverUrl, String user, String password) {
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = admin.createStatement()) {
            // Other test JVMs may create them at the same moment: whoever comes second finds them made.
            statement.execute("DO $$ BEGIN"
                    + " BEGIN CREATE ROLE " + APPLICATION_ROLE + " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;"
                    + " BEGIN CREATE ROLE " + LOGIN + " LOGIN PASSWORD '" + LOGIN_PASSWORD + "';"
                    + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;"
                    + " BEGIN CREATE ROLE " + KEY_OWNER + " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;"
                    + " IF NOT pg_has_role('" + LOGIN + "', '" + APPLICATION_ROLE + "', 'MEMBER') THEN"
                    + " BEGIN GRANT " + APPLICATION_ROLE + " TO " + LOGIN + "; EXCEPTION WHEN unique_violation THEN NULL; END;"
                    + " END IF;"
                    + " IF NOT pg_has_role('" + APPLICATION_ROLE + "', '" + KEY_OWNER + "', 'MEMBER') THEN"
                    + " BEGIN GRANT " + KEY_OWNER + " TO " + APPLICATION_ROLE + "; EXCEPTION WHEN unique_violation THEN NULL; END;"
                    + " END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test roles on " + serverUrl, e);
        }
    }

    /** The migrate step, as the schema owner. */
    private static void migrate(String url, String owner, String password) {
        LedgerMigrations.migrate(new DriverManagerDataSource(url, owner, password), new RoleName(APPLICATION_ROLE));
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
