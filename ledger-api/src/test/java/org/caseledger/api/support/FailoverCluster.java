package org.caseledger.api.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;

/**
 * PostgreSQL made highly available by pg_auto_failover, as docs/operations.md ("High availability") sets it up, on this
 * machine: a monitor and two data nodes, each a keeper ({@code pg_autoctl run}) with its PostgreSQL on a local port and
 * a data directory of its own under the system's temporary directory. The standby starts synchronous (in the
 * replication quorum) and can be made asynchronous. The monitor's timeouts are those the document gives, so that a lost
 * primary is replaced in seconds. Logs go to {@code target/<name>/}.
 */
public final class FailoverCluster implements AutoCloseable {

    /** A data node: its name, its port, and its keeper, whose process tree holds the node's PostgreSQL too. */
    public record DataNode(String name, int port, Process keeper) {
    }

    /** The database the ledger uses, created by the first node. */
    public static final String DATABASE = "ledger";

    /**
     * The monitor's settings (docs/operations.md): a node is checked every second, is unhealthy after 3 s without a
     * report or an answer, and a standby promoted in its place takes writes 6 s later, once the old primary, had it lived,
     * would have demoted itself (each keeper's network partition timeout, 3 s, is shorter).
     */
    private static final Map<String, String> MONITOR_SETTINGS = Map.of(
            "pgautofailover.health_check_period", "1000",
            "pgautofailover.health_check_timeout", "2000",
            "pgautofailover.health_check_max_retries", "2",
            "pgautofailover.health_check_retry_delay", "500",
            "pgautofailover.node_considered_unhealthy_timeout", "3000",
            "pgautofailover.primary_demote_timeout", "6000");
    private static final String NETWORK_PARTITION_TIMEOUT = "3";
    private static final Duration SETTLES_WITHIN = Duration.ofSeconds(120);

    private final PostgresInstallation postgres;
    private final Path home;
    private final Path logs;
    private final Map<String, String> environment;
    private final int monitorPort = LedgerNode.freePort();
    private final List<DataNode> nodes = new ArrayList<>();
    private Process monitor;

    private FailoverCluster(PostgresInstallation postgres, Path home, Path logs) {
        this.postgres = postgres;
        this.home = home;
        this.logs = logs;
        // pg_autoctl keeps its configuration and state under these, here inside the cluster's directory
        this.environment = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("share").toString(), "XDG_RUNTIME_DIR", home.toString());
    }

    /**
     * Starts the monitor and both data nodes, waits until the second streams from the first, synchronously, and sets the
     * ledger's database up as every test database is (the roles, the migrations run by the superuser).
     */
    public static FailoverCluster start(PostgresInstallation postgres, String name) throws IOException {
        Path logs = Files.createDirectories(Path.of("target", name)).toAbsolutePath();
        FailoverCluster cluster = new FailoverCluster(postgres, postgres.newDirectory("ledger-" + name + "-"), logs);
        try {
            cluster.startMonitor();
            cluster.startDataNode("node1");
            cluster.startDataNode("node2");
            cluster.awaitSettled(true);
            TestDatabase.onServer(cluster.jdbcUrl(), "postgres", "", "pg_auto_failover");
        } catch (RuntimeException | AssertionError | IOException e) {
            String state = cluster.describe();
            cluster.close();
            throw new IllegalStateException("the failover cluster did not come up; its logs are in " + logs + "\n" + state, e);
        }
        return cluster;
    }

    private void startMonitor() throws IOException {
        Path data = home.resolve("monitor");
        postgres.run(Duration.ofSeconds(90), environment, "pg_autoctl", "create", "monitor", "--pgctl", postgres.program("pg_ctl").toString(),
                "--pgdata", data.toString(), "--pgport", String.valueOf(monitorPort), "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl");
        postgres.run(Duration.ofSeconds(30), environment, "pg_autoctl", "config", "set", "--pgdata", data.toString(),
                "postgresql.listen_addresses", "127.0.0.1");
        monitor = postgres.start(logs.resolve("monitor.log"), environment, "pg_autoctl", "run", "--pgdata", data.toString());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            try (Connection connection = monitorConnection()) {
                return true;
            }
        });
        try (Connection connection = monitorConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> setting : MONITOR_SETTINGS.entrySet()) {
                statement.execute("ALTER SYSTEM SET " + setting.getKey() + " = " + setting.getValue());
            }
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the monitor's timeouts", e);
        }
    }

    private void startDataNode(String name) throws IOException {
        Path data = home.resolve(name);
        int port = LedgerNode.freePort();
        postgres.run(Duration.ofSeconds(120), environment, "pg_autoctl", "create", "postgres", "--pgctl", postgres.program("pg_ctl").toString(),
                "--pgdata", data.toString(), "--pgport", String.valueOf(port), "--listen", "127.0.0.1", "--hostname", "127.0.0.1",
                "--name", name, "--dbname", DATABASE, "--monitor", monitorUrl(), "--auth", "trust", "--no-ssl");
        postgres.run(Duration.ofSeconds(30), environment, "pg_autoctl", "config", "set", "--pgdata", data.toString(),
                "timeout.network_partition_timeout", NETWORK_PARTITION_TIMEOUT);
        nodes.add(new DataNode(name, port, keeper(name)));
    }

    private Process keeper(String name) throws IOException {
        return postgres.start(logs.resolve(name + ".log"), environment, "pg_autoctl", "run", "--pgdata", home.resolve(name).toString());
    }

    /**
     * Starts the keeper of a node that was lost again, as its host's restart would: the keeper rewinds the old primary
     * to the new one's timeline and it rejoins as the standby. Waits until it streams again, synchronously.
     */
    public DataNode rejoin(DataNode lost) throws IOException {
        DataNode back = new DataNode(lost.name(), lost.port(), keeper(lost.name()));
        nodes.set(nodes.indexOf(lost), back);
        awaitSettled(true);
        return back;
    }

    /** Takes the standby out of the replication quorum: the primary acknowledges commits without waiting for it. */
    public void makeAsynchronous(DataNode standby) {
        postgres.run(Duration.ofSeconds(60), environment, "pg_autoctl", "set", "node", "replication-quorum", "false", "--pgdata",
                home.resolve(standby.name()).toString());
        awaitSettled(false);
    }

    private void awaitSettled(boolean synchronous) {
        try {
            awaitStreaming(synchronous);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the nodes did not settle as primary and " + (synchronous ? "" : "a")
                    + "synchronous standby within " + SETTLES_WITHIN + "; logs in " + logs + "\n" + describe(), e);
        }
    }

    private void awaitStreaming(boolean synchronous) {
        await().atMost(SETTLES_WITHIN).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            List<String> states = monitorQuery("SELECT reportedstate || '/' || goalstate FROM pgautofailover.node ORDER BY reportedstate");
            if (!states.equals(List.of("primary/primary", "secondary/secondary"))) {
                return false;
            }
            String standbys = query(primary().port(), "SHOW synchronous_standby_names");
            return synchronous != standbys.isEmpty();
        });
    }

    /**
     * The URL the ledger connects with: both data nodes, and the driver takes the one that accepts writes; it looks again
     * at a node it found read-only after a second, and gives up on a node that does not answer within 3 s.
     */
    public String jdbcUrl() {
        StringBuilder hosts = new StringBuilder();
        for (DataNode node : nodes) {
            hosts.append(hosts.isEmpty() ? "" : ",").append("127.0.0.1:").append(node.port());
        }
        return "jdbc:postgresql://" + hosts + "/" + DATABASE + "?targetServerType=primary&hostRecheckSeconds=1&connectTimeout=3";
    }

    /**
     * The ledger's database on whichever node is primary: its owner is the superuser (the local connections are
     * trusted); the ledger logs in as the test login ({@link TestDatabase.Database#registerIn}, {@link LedgerNode}).
     */
    public TestDatabase.Database database() {
        return new TestDatabase.Database(jdbcUrl(), "postgres", "", "pg_auto_failover");
    }

    /** The node the monitor names primary. */
    public DataNode primary() {
        String name = monitorQuery("SELECT primary_name FROM pgautofailover.get_primary('default', 0)").get(0);
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst().orElseThrow();
    }

    /** The other data node. */
    public DataNode standbyOf(DataNode primary) {
        return nodes.stream().filter(node -> !node.equals(primary)).findFirst().orElseThrow();
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    public void awaitStandbyCaughtUp() {
        DataNode primary = primary();
        String written = query(primary.port(), "SELECT pg_current_wal_lsn()::text");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                "t".equals(query(standbyOf(primary).port(), "SELECT pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn")));
    }

    /**
     * Freezes (SIGSTOP) the primary's WAL sender: from now on the standby receives nothing, while the primary, not
     * waiting for it, goes on acknowledging commits. Only an asynchronous standby can fall behind like this.
     */
    public void holdBackTheStandby() {
        String sender = query(primary().port(), "SELECT pid FROM pg_stat_replication");
        PostgresInstallation.signal("STOP", List.of(Long.parseLong(sender)));
    }

    /** Loses the primary's host: its keeper and its PostgreSQL are killed at once. Answers the moment. */
    public Instant losePrimary() {
        DataNode primary = primary();
        Instant lost = Instant.now();
        PostgresInstallation.killTree(primary.keeper());
        return lost;
    }

    /** Waits until the other node accepts writes, and answers when it first did. */
    public Instant awaitPromotionOf(DataNode standby, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> "off".equals(query(standby.port(), "SHOW transaction_read_only")));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(standby.name() + " did not take writes within " + atMost + "; logs in " + logs + "\n" + describe(), e);
        }
        return Instant.now();
    }

    /** The nodes as the monitor sees them and its latest events, for a failure message. */
    public String describe() {
        try {
            return "nodes: " + monitorQuery("SELECT nodename || ' ' || reportedstate || '/' || goalstate || ' ' || reportedlsn::text "
                    + "FROM pgautofailover.node ORDER BY nodeid") + "\nevents:\n" + String.join("\n", monitorQuery(
                    "SELECT eventtime::text || ' ' || description FROM pgautofailover.event ORDER BY eventid DESC LIMIT 15"));
        } catch (RuntimeException e) {
            return "(the monitor does not answer: " + e.getMessage() + ")";
        }
    }

    /** Stops every keeper and the monitor as an operator would, and removes the data directories. */
    @Override
    public void close() {
        for (DataNode node : nodes) {
            PostgresInstallation.stop(node.keeper(), Duration.ofSeconds(20));
        }
        Optional.ofNullable(monitor).ifPresent(process -> PostgresInstallation.stop(process, Duration.ofSeconds(20)));
        PostgresInstallation.remove(home);
    }

    private String monitorUrl() {
        return "postgres://autoctl_node@127.0.0.1:" + monitorPort + "/pg_auto_failover?sslmode=disable";
    }

    private Connection monitorConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + monitorPort + "/pg_auto_failover?connectTimeout=3", "postgres", "");
    }

    private List<String> monitorQuery(String sql) {
        try (Connection connection = monitorConnection()) {
            return rows(connection, sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the monitor did not answer " + sql, e);
        }
    }

    /** The first column of the first row a data node answers. */
    public String query(int port, String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?connectTimeout=3",
                "postgres", "")) {
            List<String> rows = rows(connection, sql);
            return rows.isEmpty() ? null : rows.get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("the node on port " + port + " did not answer " + sql, e);
        }
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1) == null ? "" : result.getString(1));
            }
        }
        return rows;
    }
}
