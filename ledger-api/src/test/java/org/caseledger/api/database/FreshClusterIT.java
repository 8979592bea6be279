package org.caseledger.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerJar;
import org.caseledger.api.support.LedgerNode;
import org.caseledger.api.support.PostgresInstallation;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.verify.casefile.CaseFileFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production set-up from nothing, step by step as docs/operations.md "Setting up on a database server" gives it: a fresh PostgreSQL cluster (initdb
 * and pg_ctl of the system's packages on a free port, as the postgres OS user when the tests run as root; skipped
 * without them except in CI, which must not skip it), the bootstrap SQL printed by the
 * ledger and run by the cluster's superuser, the migrate step as the schema owner, init-keys, and the ledger started with
 * its least-privileged login, under role names of this database's own. The packaged ledger's refusals are shown on the
 * way, one for each place that refuses (the schema check and the login check before the pool exists, the preflight
 * before any bean: demo data, a missing key file); the other cases of those checks are tested beside them, where they
 * cost no start of the jar (LeastPrivilegeIT: a superuser login, a role that may change a ledger table; PreflightTest:
 * the owner's credentials, the master key). At the end, logged in as the ledger is, everything a ledger that wanted to
 * rewrite its history would try. init-keys and hash-password are checked as the operator uses them here, the rest of
 * the commands in CommandsIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshClusterIT {

    private static final String DATABASE = "caseledger";
    private static final String OWNER = "caseledger_owner";
    private static final String ROLE = "caseledger_app";
    private static final String KEY_OWNER = "caseledger_app_keys";
    private static final String LOGIN = "caseledger_login";
    private static final String OWNER_PASSWORD = "owner-" + UUID.randomUUID();
    private static final String LOGIN_PASSWORD = "login-" + UUID.randomUUID();
    private static final String STAFF_PASSWORD = "Fika klockan tre";
    private static final Pattern FINGERPRINT = Pattern.compile("public key +sha256:([0-9a-f]{64})");
    /** The tables whose rows are the record: the triggers refuse changes to them, and the role has no right to try. */
    private static final List<String> LEDGER_TABLES = List.of("domain_event_entry", "ledger_checkpoint", "checkpoint_entry", "access_log",
            "access_log_seal", "ledger_identity", "ledger_key");

    private PostgresInstallation postgres;
    private Path cluster;
    private Path work;
    private int port;
    private String staffPasswordHash;
    private final List<String> figures = new ArrayList<>();

    @BeforeAll
    void aFreshCluster() throws Exception {
        postgres = PostgresInstallation.requireServer();
        // The superuser signs in over the cluster's own socket, in a directory only its OS user may enter (0700); every
        // other role signs in over TCP with its password.
        cluster = postgres.newDirectory("ledger-fresh-cluster-");
        work = Files.createTempDirectory("ledger-fresh-cluster-node");
        port = LedgerNode.freePort();
        long began = System.nanoTime();
        postgres.run(Duration.ofMinutes(2), Map.of(), "initdb", "-D", cluster.resolve("data").toString(), "-U", "postgres", "-E", "UTF8",
                "--auth-local=trust", "--auth-host=scram-sha-256");
        postgres.run(Duration.ofMinutes(2), Map.of(), "pg_ctl", "-D", cluster.resolve("data").toString(), "-l",
                cluster.resolve("server.log").toString(), "-w", "-o", "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1", "start");
        figures.add("fresh cluster (initdb, start) " + seconds(began) + " s");
        LedgerJar.Result hashed = LedgerJar.command(work, Map.of(), STAFF_PASSWORD + "\n", "hash-password");
        assertThat(hashed.exitCode()).as(hashed.toString()).isZero();
        // the whole output is the hash, for a configuration file; the ledger signs its staff in with it below
        assertThat(hashed.out()).startsWith("{bcrypt}$2a$10$").hasLineCount(1);
        staffPasswordHash = hashed.out().strip();
    }

    @AfterAll
    void stopTheCluster() throws Exception {
        if (cluster != null) {
            postgres.run(Duration.ofMinutes(2), Map.of(), "pg_ctl", "-D", cluster.resolve("data").toString(), "-m", "fast", "-w", "stop");
            PostgresInstallation.remove(cluster);
            PostgresInstallation.remove(work);
        }
        System.out.println("FreshClusterIT: " + String.join("; ", figures));
    }

    @Test
    @Order(1)
    void theBootstrapSqlPrintedForTheConfiguredNamesSetsUpRolesTheOwnerCouldNotCreate() throws Exception {
        long began = System.nanoTime();
        LedgerJar.Result printed = LedgerJar.command(work, operatorConfiguration(), "", "bootstrap-sql");
        assertThat(printed.exitCode()).as(printed.toString()).isZero();
        assertThat(printed.out()).contains("CREATE ROLE " + OWNER + " LOGIN", "CREATE ROLE " + ROLE + " NOLOGIN", "GRANT " + ROLE + " TO " + LOGIN,
                "CREATE ROLE " + KEY_OWNER + " NOLOGIN", "GRANT " + KEY_OWNER + " TO " + ROLE + ";", "GRANT " + KEY_OWNER + " TO " + OWNER + ";",
                "CREATE DATABASE " + DATABASE + " OWNER " + OWNER).doesNotContainPattern("\\bledger_app\\b");
        Path bootstrap = postgres.writableFile(cluster.resolve("bootstrap.sql"));
        Files.writeString(bootstrap, printed.out());

        postgres.run(Duration.ofMinutes(2), Map.of(), "psql", "-X", "-q", "-h", cluster.toString(), "-p", Integer.toString(port), "-U", "postgres",
                "-d", "postgres", "-v", "owner_password=" + OWNER_PASSWORD, "-v", "login_password=" + LOGIN_PASSWORD, "-f", bootstrap.toString());

        figures.add("bootstrap " + seconds(began) + " s");
        try (Connection owner = connect(OWNER, OWNER_PASSWORD); Statement sql = owner.createStatement()) {
            var rights = sql.executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user");
            rights.next();
            assertThat(List.of(rights.getBoolean(1), rights.getBoolean(2), rights.getBoolean(3))).as("the owner's rights on the cluster")
                    .containsOnly(false);
        }
    }

    @Test
    @Order(2)
    void beforeTheMigrateStepTheLedgerRefusesTheSchema() throws Exception {
        initKeys();
        assertRefusesToStart("not-migrated", configuration(), "Migrate it first, as the schema owner");
    }

    @Test
    @Order(3)
    void theMigrateStepRunsAsTheSchemaOwnerAndGrantsTheConfiguredRole() throws Exception {
        Map<String, String> owner = operatorConfiguration();
        owner.put("LEDGER_DB_OWNER_PASSWORD", OWNER_PASSWORD);
        long began = System.nanoTime();

        LedgerJar.Result migrated = LedgerJar.command(work, owner, "", "migrate");

        figures.add("migrate " + seconds(began) + " s");
        assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
        assertThat(migrated.out()).contains("as " + OWNER, "granted to the role " + ROLE);
        try (Connection connection = connect(OWNER, OWNER_PASSWORD); Statement sql = connection.createStatement()) {
            var owners = sql.executeQuery("SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname = 'public' "
                    + "AND tablename NOT IN ('data_key', 'identity_lookup', 'name_lookup')");
            owners.next();
            assertThat(owners.getString(1)).as("the owner of every table but the key tables").isEqualTo(OWNER);
            var keyTableOwners = sql.executeQuery("SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname = 'public' "
                    + "AND tablename IN ('data_key', 'identity_lookup', 'name_lookup')");
            keyTableOwners.next();
            assertThat(keyTableOwners.getString(1)).as("the key tables' owner").isEqualTo(KEY_OWNER);
            var grantees = sql.executeQuery("SELECT string_agg(DISTINCT grantee, ',') FROM information_schema.role_table_grants "
                    + "WHERE table_name = 'domain_event_entry' AND grantee <> '" + OWNER + "'");
            grantees.next();
            assertThat(grantees.getString(1)).isEqualTo(ROLE);
        }
    }

    @Test
    @Order(4)
    void theServingProcessRefusesTheOwnersLogin() throws Exception {
        Map<String, String> asOwner = new HashMap<>(configuration());
        asOwner.put("LEDGER_DB_USER", OWNER);
        asOwner.put("LEDGER_DB_PASSWORD", OWNER_PASSWORD);
        assertRefusesToStart("as-owner", asOwner, "who can act as " + OWNER + ", the owner of the ledger tables");
    }

    @Test
    @Order(5)
    void onADatabaseServerTheLedgerRefusesToStartWithoutItsKeyFiles() throws Exception {
        assertRefusesToStart("without-keys", configuration(), Map.of("ledger.integrity.signing-key-file", work.resolve("nowhere/signing-key.pem").toString()),
                "signing key file " + work.resolve("nowhere/signing-key.pem") + " does not exist");
        assertThat(work.resolve("nowhere")).as("nothing was created in its place").doesNotExist();
    }

    @Test
    @Order(6)
    void onADatabaseServerTheLedgerRefusesDemoData() throws Exception {
        assertRefusesToStart("demo-data", configuration(), Map.of("ledger.demo-data.events", "1000"),
                "demo data is generated into the embedded database only");
        try (Connection owner = connect(OWNER, OWNER_PASSWORD); Statement sql = owner.createStatement()) {
            var events = sql.executeQuery("SELECT count(*) FROM domain_event_entry");
            events.next();
            assertThat(events.getLong(1)).isZero();
        }
    }

    @Test
    @Order(7)
    void theLedgerRunsAsItsLeastPrivilegedLoginAndNeitherCanChangeItsHistory() throws Exception {
        // Given the ledger started with its login, the keys init-keys wrote and a member of staff whose password
        // hash-password hashed, and a child registered and a case opened through the API
        int ledgerPort = LedgerNode.freePort();
        long began = System.nanoTime();
        LedgerNode node = LedgerNode.start("fresh-cluster", ledgerPort, work, configuration(), arguments(ledgerPort, Map.of()));
        figures.add("ledger started " + seconds(began) + " s");
        try {
            String child = post(ledgerPort, "/api/v1/persons", "{\"identityNumber\":\"" + Fixtures.identityNumber() + "\",\"name\":\"Alva Exempel\"}");
            post(ledgerPort, "/api/v1/cases", "{\"origin\":\"REPORT_OF_CONCERN\",\"child\":\"" + child + "\",\"household\":\"" + UUID.randomUUID()
                    + "\",\"receivedAt\":\"2026-03-02T08:15:00Z\",\"report\":{\"reporterType\":\"SCHOOL\",\"summary\":\"Hungry at school.\"}}");

            // and the unit head's figures as the ledger knew them an instant ago, counted in temporary tables (ADR 0016)
            assertThat(get(ledgerPort, "lisa", "/api/v1/metrics?from=2026-01-01&to=2027-01-01&asOf=" + java.time.Instant.now())).isEqualTo(200);
            // and the child erased and the erasures completed, which vacuums the key tables as the ledger's role (V31)
            post(ledgerPort, "lisa", "/api/v1/persons/" + child + "/erasure", "{\"reason\":\"DATA_SUBJECT_REQUEST\"}", 200);
            assertThat(post(ledgerPort, "ebba", "/api/v1/admin/erasure-completion", "{}", 200)).contains("\"vacuumed\":true");

            // When the ledger's login, switched to its role as the ledger's connections are, tries to change its history
            try (Connection ledger = connect(LOGIN, LOGIN_PASSWORD); Statement sql = ledger.createStatement()) {
                sql.execute("SET ROLE " + ROLE);
                assertThat(count(sql, "SELECT count(*) FROM domain_event_entry")).as("the ledger's own events").isGreaterThanOrEqualTo(2);

                // Then every attempt is refused by the rights, before any trigger is reached
                for (String table : LEDGER_TABLES) {
                    assertRefused(sql, "UPDATE " + table + " SET " + firstColumn(sql, table) + " = " + firstColumn(sql, table), "permission denied");
                    assertRefused(sql, "DELETE FROM " + table, "permission denied");
                    assertRefused(sql, "TRUNCATE " + table, "permission denied");
                }
                assertRefused(sql, "ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only", "must be owner");
                assertRefused(sql, "ALTER TABLE domain_event_entry DISABLE TRIGGER ALL", "must be owner");
                assertRefused(sql, "DROP TRIGGER domain_event_entry_append_only ON domain_event_entry", "must be owner");
                assertRefused(sql, "DROP TABLE domain_event_entry", "must be owner");
                assertRefused(sql, "SET session_replication_role = replica", "permission denied");
                assertRefused(sql, "CREATE TABLE domain_event_entry_copy (id int)", "permission denied");
                // (the key tables' owner, which it may act as, was given the right to create in the schema for V31 alone)
                sql.execute("SET ROLE " + KEY_OWNER);
                assertRefused(sql, "CREATE TABLE domain_event_entry_copy (id int)", "permission denied");
                assertRefused(sql, "ALTER TABLE domain_event_entry DISABLE TRIGGER ALL", "must be owner");
                sql.execute("SET ROLE " + ROLE);
                assertRefused(sql, "SET ROLE " + OWNER, "permission denied");
                // and the login itself, back from the role, has no more rights than the role
                sql.execute("RESET ROLE");
                assertRefused(sql, "DELETE FROM domain_event_entry", "permission denied");
                assertRefused(sql, "ALTER TABLE domain_event_entry DISABLE TRIGGER ALL", "must be owner");
                assertRefused(sql, "ALTER ROLE " + LOGIN + " SUPERUSER", "must be superuser");
            }
            // while the owner, whose credentials only the migrate step holds, could switch the trigger off
            try (Connection owner = connect(OWNER, OWNER_PASSWORD); Statement sql = owner.createStatement()) {
                owner.setAutoCommit(false);
                sql.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
                owner.rollback();
            }
        } finally {
            // A normal stop (SIGTERM, as a service manager stops it) writes no ERROR and no stack trace
            int exit = node.stop();
            String log = node.log();
            // (a server's log is JSON by default, docs/operations.md "Logs")
            assertThat(log).as("the node's log, stopped with exit code " + exit).contains("\"level\":\"INFO\"")
                    .doesNotContain("\"level\":\"ERROR\"").doesNotContain("Exception");
        }
    }

    private void assertRefusesToStart(String name, Map<String, String> environment, String why) throws IOException {
        assertRefusesToStart(name, environment, Map.of(), why);
    }

    private void assertRefusesToStart(String name, Map<String, String> environment, Map<String, String> more, String why) throws IOException {
        int ledgerPort = LedgerNode.freePort();
        long began = System.nanoTime();
        assertThatThrownBy(() -> LedgerNode.start("fresh-cluster-" + name, ledgerPort, work, environment, arguments(ledgerPort, more)))
                .hasMessageContaining("stopped while starting");
        figures.add("refused " + name + " in " + seconds(began) + " s");
        assertThat(LedgerNode.log("fresh-cluster-" + name)).contains(why);
    }

    /** The serving process's configuration as docs/operations.md "Setting up on a database server" gives it, in environment variables. */
    private Map<String, String> configuration() {
        Map<String, String> environment = new HashMap<>();
        environment.put("LEDGER_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE);
        environment.put("LEDGER_DB_USER", LOGIN);
        environment.put("LEDGER_DB_PASSWORD", LOGIN_PASSWORD);
        environment.put("LEDGER_DB_ROLE", ROLE);
        return environment;
    }

    /** The operator's steps' configuration: the serving process's, and the schema owner's name. */
    private Map<String, String> operatorConfiguration() {
        Map<String, String> environment = configuration();
        environment.put("LEDGER_DB_OWNER_USER", OWNER);
        return environment;
    }

    /** The key files init-keys wrote, and the one member of staff in place of the demo users; some replaced. */
    private List<String> arguments(int ledgerPort, Map<String, String> replaced) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("server.port", Integer.toString(ledgerPort));
        properties.put("ledger.integrity.signing-key-file", work.resolve("keys/signing-key.pem").toString());
        properties.put("ledger.privacy.master-key-file", work.resolve("keys/master-key").toString());
        properties.put("ledger.security.users[0].username", "frida");
        properties.put("ledger.security.users[0].password", staffPasswordHash);
        properties.put("ledger.security.users[0].staff-id", "frida.falk");
        properties.put("ledger.security.users[0].role", "SOCIAL_SECRETARY");
        properties.put("ledger.security.users[0].unit", "vivalla");
        properties.put("ledger.security.users[1].username", "lisa");
        properties.put("ledger.security.users[1].password", staffPasswordHash);
        properties.put("ledger.security.users[1].staff-id", "lisa.lund");
        properties.put("ledger.security.users[1].role", "UNIT_HEAD");
        properties.put("ledger.security.users[1].unit", "vivalla");
        properties.put("ledger.security.users[2].username", "ebba");
        properties.put("ledger.security.users[2].password", staffPasswordHash);
        properties.put("ledger.security.users[2].staff-id", "ebba.ek");
        properties.put("ledger.security.users[2].role", "ADMINISTRATOR");
        properties.put("ledger.security.users[2].unit", "vivalla");
        properties.putAll(replaced);
        return properties.entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue()).toList();
    }

    /**
     * init-keys writes both keys readable by their owner only, in a directory it makes for them, and prints the
     * fingerprint the auditor's kit prints for the signing key: SHA-256 of the raw public key.
     */
    private void initKeys() throws Exception {
        Path keys = work.resolve("keys");
        LedgerJar.Result written = LedgerJar.command(work, Map.of(), "", "init-keys",
                "--ledger.integrity.signing-key-file=" + keys.resolve("signing-key.pem"),
                "--ledger.privacy.master-key-file=" + keys.resolve("master-key"));
        assertThat(written.exitCode()).as(written.toString()).isZero();
        for (String file : new String[] {"signing-key.pem", "master-key"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(file)))).as(file).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).as("the directory made for them").isEqualTo("rwx------");
        Matcher printed = FINGERPRINT.matcher(written.out());
        assertThat(printed.find()).as(written.toString()).isTrue();
        String pem = Files.readString(keys.resolve("signing-key.pem"));
        byte[] encoded = Ed25519.publicKeyFromPem(pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----"))).getEncoded();
        assertThat(printed.group(1)).isEqualTo(CaseFileFormat.keyId(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)));
        assertThat(Files.readString(keys.resolve("master-key")).trim()).matches("[A-Za-z0-9+/]{43}=");
    }

    /** Creates as the social secretary, and answers the new id. */
    private String post(int ledgerPort, String path, String body) throws Exception {
        return post(ledgerPort, "frida", path, body, 201).replaceAll(".*\"(personId|caseId)\":\"([^\"]+)\".*", "$2");
    }

    private String post(int ledgerPort, String user, String path, String body, int status) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + ledgerPort + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return answer.body();
    }

    private int get(int ledgerPort, String user, String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + ledgerPort + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.statusCode();
    }

    private Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, user, password);
    }

    private static void assertRefused(Statement sql, String statement, String why) {
        assertThatThrownBy(() -> sql.execute(statement)).as(statement).isInstanceOf(SQLException.class).hasMessageContaining(why);
    }

    private static String firstColumn(Statement sql, String table) throws SQLException {
        var column = sql.executeQuery("SELECT attname FROM pg_attribute WHERE attrelid = '" + table + "'::regclass AND attnum = 1");
        column.next();
        return column.getString(1);
    }

    private static long count(Statement sql, String query) throws SQLException {
        var rows = sql.executeQuery(query);
        rows.next();
        return rows.getLong(1);
    }

    private static long seconds(long began) {
        return Math.round((System.nanoTime() - began) / 1e9);
    }
}
