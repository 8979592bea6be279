package org.caseledger.api.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;

/**
 * A witness as an outside party runs it: the kit's jar ({@code ledger-verify.jar witness}) in a process of its own, its
 * state in a file, trusting one log's key (docs/transparency-log.md). Its state outlives the ledger's database: that
 * is what it is for.
 */
public final class WitnessProcess implements AutoCloseable {

    public static final Path JAR = Path.of("..", "ledger-verify", "target", "ledger-verify.jar").toAbsolutePath();

    /** What the witness last cosigned for a log: tree size and root (Base64). */
    public record Cosigned(long size, String root) {
    }

    private final SignerKey key;
    private final int port;
    private final Path state;
    private final Path log;
    private final Process process;

    private WitnessProcess(SignerKey key, int port, Path state, Path log, Process process) {
        this.key = key;
        this.port = port;
        this.state = state;
        this.log = log;
        this.process = process;
    }

    /** Starts a witness of the log with this verifier key, with a new key of its own and an empty state. */
    public static WitnessProcess start(String name, String logVkey, Path directory) throws IOException {
        SignerKey key = SignerKey.generate(name, SignatureType.COSIGNATURE_V1);
        Path keyFile = directory.resolve("witness.key");
        Files.writeString(keyFile, key.format() + "\n");
        int port = LedgerNode.freePort();
        Path state = directory.resolve("witness-state");
        Path log = directory.resolve("witness.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "witness", "--state", state.toString(), "--key", keyFile.toString(), "--log", logVkey, "--listen", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WitnessProcess witness = new WitnessProcess(key, port, state, log, process);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(witness::listens);
        return witness;
    }

    /** The ledger's settings that make it submit each checkpoint to this witness and count it published once cosigned. */
    public String[] ledgerSettings() {
        return new String[] {
                "--ledger.integrity.witnesses[0].url=http://127.0.0.1:" + port,
                "--ledger.integrity.witnesses[0].vkey=" + key.verifierKey().format(),
                "--ledger.integrity.witness-quorum=1"};
    }

    public String name() {
        return key.name();
    }

    public String vkey() {
        return key.verifierKey().format();
    }

    /** What this witness has cosigned for the log with this origin, as its state file says. */
    public Optional<Cosigned> cosigned(String origin) throws IOException {
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
        return lines.stream().skip(1).map(line -> line.split(" ")).filter(fields -> fields.length == 3 && fields[0].equals(origin))
                .map(fields -> new Cosigned(Long.parseLong(fields[1]), fields[2])).findFirst();
    }

    /** What the witness printed: each refusal is one line, with its status and reason. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    private boolean listens() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the witness stopped: see " + log);
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
