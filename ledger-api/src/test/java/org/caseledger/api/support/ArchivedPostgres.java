package org.caseledger.api.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL server of its own on this machine, archiving its WAL, backed up and restored as docs/operations.md
 * ("Backups and restore") says: {@code archive_command} copies each finished WAL segment into the archive, and
 * {@code pg_basebackup} takes a base backup checked with {@code pg_verifybackup}; a restore copies the base backup into
 * a fresh data directory and replays the archive up to a point in time. Logs go to {@code target/<name>/}.
 */
public final class ArchivedPostgres implements AutoCloseable {

    /** The database the ledger uses. */
    public static final String DATABASE = "ledger";

    /**
     * The archive command of docs/operations.md: never overwrites a segment already archived, and renames a segment into
     * place only once its copy is on disk, so that the archive never holds half a segment under a segment's name.
     */
    static String archiveCommand(Path archive) {
        return "test ! -f " + archive + "/%f && cp %p " + archive + "/%f.part && sync " + archive + "/%f.part && mv " + archive + "/%f.part "
                + archive + "/%f";
    }

    /** The form recovery_target_time takes: it refuses ISO 8601's {@code T} and {@code Z}, which a timestamp cast accepts. */
    private static final DateTimeFormatter RECOVERY_TARGET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private final PostgresInstallation postgres;
    private final Path home;
    private final Path data;
    private final Path log;
    private final int port = LedgerNode.freePort();

    private ArchivedPostgres(PostgresInstallation postgres, Path home, Path log) {
        this.postgres = postgres;
        this.home = home;
        this.data = home.resolve("data");
        this.log = log;
    }

    /**
     * A new server archiving into the directory, with the ledger's database set up as every test database is (the roles,
     * the migrations run by the superuser) and holding nothing.
     */
    public static ArchivedPostgres initialise(PostgresInstallation postgres, String name, Path archive) throws IOException {
        ArchivedPostgres server = new ArchivedPostgres(postgres, postgres.newDirectory("ledger-postgres-"), postgres.writableFile(log(name)));
        try {
            postgres.run(Duration.ofSeconds(120), Map.of(), "initdb", "--pgdata", server.data.toString(), "--username", "postgres",
                    "--auth", "trust", "--encoding", "UTF8");
            server.configure("wal_level = replica", "archive_mode = on", "archive_command = '" + archiveCommand(archive) + "'",
                    "archive_timeout = 60");
            server.start();
            server.execute("postgres", "CREATE DATABASE " + DATABASE);
            TestDatabase.onServer(server.database().url(), "postgres", "", "a server of its own");
            return server;
        } catch (RuntimeException | AssertionError | IOException e) {
            server.close();
            throw e;
        }
    }

    /**
     * A new server from a base backup, its WAL replayed from the archive up to the point in time and then promoted to
     * take writes. It archives nothing itself: its history forks from the original's at the point, and an archive
     * that held both would offer the next restore two futures of one past.
     */
    public static ArchivedPostgres restore(PostgresInstallation postgres, String name, Path baseBackup, Path archive, Instant point)
            throws IOException {
        ArchivedPostgres server = new ArchivedPostgres(postgres, postgres.newDirectory("ledger-restored-"), postgres.writableFile(log(name)));
        try {
            postgres.run(Duration.ofSeconds(120), Map.of(), "cp", "-a", baseBackup.toString(), server.data.toString());
            server.configure("archive_mode = off", "restore_command = 'cp " + archive + "/%f %p'",
                    "recovery_target_time = '" + RECOVERY_TARGET.format(point) + "'", "recovery_target_action = 'promote'");
            postgres.run(Duration.ofSeconds(10), Map.of(), "touch", server.data.resolve("recovery.signal").toString());
            server.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "f".equals(server.query(DATABASE, "SELECT pg_is_in_recovery()")));
            return server;
        } catch (RuntimeException | AssertionError | IOException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Takes a base backup, with the WAL it needs, into a new directory under the one given (owned by the server's user),
     * checks it against its manifest, and answers where it is.
     */
    public Path baseBackup(Path directory) {
        Path backup = directory.resolve("base");
        postgres.run(Duration.ofSeconds(300), Map.of(), "pg_basebackup", "--host", "127.0.0.1", "--port", String.valueOf(port), "--username",
                "postgres", "--pgdata", backup.toString(), "--wal-method", "stream", "--checkpoint", "fast");
        postgres.run(Duration.ofSeconds(300), Map.of(), "pg_verifybackup", backup.toString());
        return backup;
    }

    /** Ends the current WAL segment and waits until the archive holds it: everything committed so far is archived. */
    public void archiveCurrentSegment() {
        String segment = query(DATABASE, "SELECT pg_walfile_name(pg_switch_wal())");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "t".equals(query(DATABASE, "SELECT coalesce(last_archived_wal >= '" + segment + "', false) FROM pg_stat_archiver")));
    }

    /**
     * The ledger's database on this server: its owner is the superuser (local connections are trusted); the ledger logs
     * in as the test login. A restored server holds the roles and the schema of its base backup.
     */
    public TestDatabase.Database database() {
        return new TestDatabase.Database("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, "postgres", "", "a server of its own");
    }

    /** Stops the server at once, as a lost host does, and removes its data directory. */
    @Override
    public void close() {
        try {
            postgres.run(Duration.ofSeconds(60), Map.of(), "pg_ctl", "stop", "--pgdata", data.toString(), "--mode", "immediate");
        } catch (AssertionError | RuntimeException alreadyStopped) {
            // nothing left to stop
        }
        PostgresInstallation.remove(home);
    }

    private void configure(String... settings) throws IOException {
        // later lines win: the port and the socket directory are this server's own, wherever its configuration came from
        List<String> lines = new ArrayList<>(List.of("port = " + port, "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + home + "'"));
        lines.addAll(List.of(settings));
        Path file = home.resolve("settings.conf");
        Files.write(file, lines, StandardCharsets.UTF_8);
        postgres.run(Duration.ofSeconds(10), Map.of(), "sh", "-c", "cat " + file + " >> " + data.resolve("postgresql.conf"));
    }

    private void start() {
        postgres.run(Duration.ofSeconds(180), Map.of(), "pg_ctl", "start", "--pgdata", data.toString(), "--log", log.toString(), "--wait",
                "--timeout", "170");
    }

    private static Path log(String name) throws IOException {
        return Files.createDirectories(Path.of("target", name)).toAbsolutePath().resolve("postgres.log");
    }

    private void execute(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private String query(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?connectTimeout=3", "postgres", "");
    }
}
