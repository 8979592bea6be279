package org.caseledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    private final int port = LedgerNode.freePort();
    private final Path directory;
    private final Path state;
    private final Path log;
    private Process process;

    private WitnessProcess(SignerKey key, Path directory) {
        this.key = key;
        this.directory = directory;
        this.state = directory.resolve("witness-state");
        this.log = directory.resolve("witness.log");
    }

    /**
     * A witness with a new key of its own and an empty state in the directory, not started yet: the ledger is given its
     * address and key first, and the witness the ledger's log key once the ledger has made it.
     */
    public static WitnessProcess prepare(String name, Path directory) {
        return new WitnessProcess(SignerKey.generate(name, SignatureType.COSIGNATURE_V1), directory.toAbsolutePath());
    }

    /** Starts the witness of the log with this verifier key, and waits until it listens. */
    public WitnessProcess start(String logVkey) throws IOException {
        Path keyFile = directory.resolve("witness.key");
        Files.writeString(keyFile, key.format() + "\n");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "witness", "--state", state.toString(), "--key", keyFile.toString(), "--log", logVkey, "--listen", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(this::listens);
        return this;
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

    /** What this witness has cosigned for the log with this origin, as its state file says. */
    public Optional<Cosigned> cosigned(String origin) throws IOException {
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
        return lines.stream().skip(1).map(line -> line.split(" ")).filter(fields -> fields.length == 3 && fields[0].equals(origin))
                .map(fields -> new Cosigned(Long.parseLong(fields[1]), fields[2])).findFirst();
    }

    /**
     * Has the ledger seal what is pending now and waits until this witness has cosigned the new checkpoint; answers the
     * checkpoint's tree size.
     */
    public long sealedAndCosigned(LedgerHttp ledger, String origin) {
        LedgerHttp.Response sealed = ledger.as("lars").post("/api/v1/audit/checkpoints", Map.of());
        assertThat(sealed.status()).as(sealed.toString()).isLessThan(300);
        long size = Long.parseLong(ledger.as("ivo").get("/api/v1/audit/checkpoints/latest").text().split("\n")[1]);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> cosigned(origin).map(Cosigned::size).orElse(0L) == size);
        return size;
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
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
