package org.caseledger.api.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A ledger node: the packaged application ({@code target/ledger-api*.jar}) started as a process of its own on a
 * database, as in production, with the keys of a directory under {@code target} (every node of one ledger must
 * share them). Stopping it with {@link #kill()} sends SIGKILL: no shutdown hook runs, no claim is released.
 */
public final class LedgerNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private LedgerNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node and waits until it answers its health check.
     *
     * @param name       names the node's log, {@code target/<name>.log}
     * @param port       the HTTP port; a node started again on the same port is the same address to its clients
     * @param database   the database, shared by every node of the ledger
     * @param keys       the directory under {@code target} holding the signing key and the master key
     * @param properties further {@code --name=value} arguments
     */
    public static LedgerNode start(String name, int port, TestDatabase.Database database, String keys, String... properties)
            throws IOException {
        return launch(name, port, List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--ledger.security.allow-demo-users=true"), keys, properties);
    }

    /**
     * Starts a node on the zero-setup default, the embedded PostgreSQL, with its data in {@code target/<name>-data}, and
     * waits until it answers its health check.
     */
    public static LedgerNode startEmbedded(String name, int port, String keys, String... properties) throws IOException {
        return launch(name, port, List.of(
                "--ledger.embedded-database.data-directory=" + Path.of("target", name + "-data").toAbsolutePath(),
                "--ledger.integrity.checkpoint-memory-file=" + Path.of("target", name + "-checkpoint-memory").toAbsolutePath()),
                keys, properties);
    }

    private static LedgerNode launch(String name, int port, List<String> database, String keys, String... properties) throws IOException {
        Path log = Path.of("target", name + ".log");
        Path keyDirectory = Path.of("target", keys).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", packagedApplication().toString(),
                "--server.port=" + port,
                "--ledger.integrity.signing-key-file=" + keyDirectory.resolve("signing-key.pem"),
                "--ledger.privacy.master-key-file=" + keyDirectory.resolve("master-key")));
        command.addAll(database);
        command.addAll(List.of(properties));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LedgerNode node = new LedgerNode(name, port, process, log);
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> !process.isAlive() || node.http().get("/actuator/health").status() == 200);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the ledger node " + name + " did not start; see " + log.toAbsolutePath() + ":\n"
                    + node.tail(), e);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("the ledger node " + name + " stopped while starting; see " + log.toAbsolutePath() + ":\n"
                    + node.tail());
        }
        return node;
    }

    /** Everything a node wrote to its log, {@code target/<name>.log}. */
    public static String log(String name) throws IOException {
        return Files.readString(Path.of("target", name + ".log"));
    }

    public LedgerHttp http() {
        return new LedgerHttp("http://localhost:" + port);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, a normal stop, and waits until the process is gone; answers its exit status. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the ledger node " + name + " did not stop within 60 s of SIGTERM:\n" + tail());
        }
        return process.exitValue();
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The last lines of the node's log, for a failure message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path packagedApplication() throws IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(jar -> jar.getFileName().toString().matches("ledger-api.*\\.jar"))
                    .filter(jar -> !jar.getFileName().toString().contains("plain"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("package the application before the integration tests"));
        }
    }
}
