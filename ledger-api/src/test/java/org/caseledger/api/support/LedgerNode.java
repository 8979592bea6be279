package org.caseledger.api.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.caseledger.api.integrity.SigningKey;
import org.caseledger.api.privacy.MasterKey;

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
        Path keyDirectory = Path.of("target", keys).toAbsolutePath();
        initKeys(keyDirectory);
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + TestDatabase.LOGIN,
                "--spring.datasource.password=" + TestDatabase.LOGIN_PASSWORD,
                "--ledger.security.allow-demo-users=true",
                "--ledger.integrity.signing-key-file=" + keyDirectory.resolve("signing-key.pem"),
                "--ledger.privacy.master-key-file=" + keyDirectory.resolve("master-key")));
        arguments.addAll(List.of(properties));
        return start(name, port, Path.of(""), Map.of(), arguments);
    }

    /**
     * Starts the packaged application as an operator would, in a working directory, with environment variables and
     * arguments, and waits until it answers its health check.
     *
     * @param name names the node's log, {@code target/<name>.log}
     */
    public static LedgerNode start(String name, int port, Path workingDirectory, Map<String, String> environment, List<String> arguments)
            throws IOException {
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        Process process = LedgerJar.process(workingDirectory.toAbsolutePath(), environment, arguments)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LedgerNode node = new LedgerNode(name, port, process, log);
        try {
            // A first start on two busy cores (an embedded PostgreSQL to set up, every migration) may take minutes.
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> !process.isAlive() || node.http().get("/actuator/health").status() == 200);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the ledger node " + name + " did not start; see " + log + ":\n" + node.tail(), e);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("the ledger node " + name + " stopped while starting; see " + log + ":\n" + node.tail());
        }
        return node;
    }

    /**
     * The node's keys, made where missing as {@code init-keys} makes them: a node on a database server never makes its
     * own. A directory given only one of them gets a new other one, as an operator's mistake would.
     */
    private static void initKeys(Path keyDirectory) throws IOException {
        try {
            if (!Files.exists(keyDirectory.resolve("signing-key.pem"))) {
                SigningKey.create(keyDirectory.resolve("signing-key.pem"));
            }
            if (!Files.exists(keyDirectory.resolve("master-key"))) {
                MasterKey.create(keyDirectory.resolve("master-key"));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not make a signing key in " + keyDirectory, e);
        }
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

    /** Everything this node wrote to its log. */
    public String log() throws IOException {
        return Files.readString(log);
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
}
