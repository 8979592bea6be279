package org.caseledger.verify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.support.TestLog;
import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.witness.AddCheckpointRequest;
import org.caseledger.verify.witness.CosignatureVerifier;
import org.caseledger.verify.witness.WitnessAnswer;
import org.caseledger.verify.witness.WitnessClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as the witness runs it: its own process on a free loopback port, spoken to over HTTP from outside,
 * stopped and started again on the same state file. Every process is killed at the end, whatever happened.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WitnessProcessIT {

    private static final Path JAR = Path.of("target", "ledger-verify.jar");
    private static final Duration STARTUP = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final TestLog log = TestLog.of(12);

    @AfterEach
    void killEveryProcess() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theWitnessProcessCosignsRefusesAsTheProtocolSaysAndRemembersAcrossARestart() throws Exception {
        Path key = directory.resolve("witness.key");
        Path state = directory.resolve("witness.state");
        Files.writeString(key, runToEnd("keygen", "witness.example.se/w1", "--witness"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        VerifierKey vkey = VerifierKey.parse(Files.readAllLines(key).get(1)).orElseThrow();

        Started first = startWitness(state, key);
        assertThat(first.cosigner()).isEqualTo(vkey.format());
        WitnessClient client = new WitnessClient(first.base(), http, Duration.ofSeconds(10));

        WitnessAnswer cosigned = client.addCheckpoint(log.request(0, 5));
        assertThat(cosigned).isInstanceOf(WitnessAnswer.Cosigned.class);
        Note witnessed = WitnessClient.attachCosignatures(log.signed(5), ((WitnessAnswer.Cosigned) cosigned).cosignatures(), new CosignatureVerifier(vkey));
        assertThat(witnessed.signatures()).hasSize(2);

        assertThat(client.addCheckpoint(log.request(0, 5))).isEqualTo(new WitnessAnswer.Conflict(5));
        assertThat(client.addCheckpoint(log.fork().request(5, 9)).httpStatus()).isEqualTo(422);
        assertThat(client.addCheckpoint(withFlippedProof(log.request(5, 9))).httpStatus()).isEqualTo(422);
        assertThat(client.addCheckpoint(log.impostor().request(5, 9)).httpStatus()).isEqualTo(403);
        assertThat(client.addCheckpoint(otherOrigin()).httpStatus()).isEqualTo(404);
        assertThat(post(first.base(), "old 5\n\nnot a checkpoint\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(rawStatusLine(first.base(), "POST /add-checkpoint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 999999999\r\n\r\n")).startsWith("HTTP/1.1 413");
        HttpResponse<String> conflict = post(first.base(), log.request(2, 9).toBytes());
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type")).contains("text/x.tlog.size");
        assertThat(conflict.body()).isEqualTo("5\n");

        Process second = start("witness", "--state", state.toString(), "--key", key.toString(), "--log", log.verifierKey().format(), "--listen", "127.0.0.1:0");
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(Main.REFUSED);

        first.process().destroy();
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        Started restarted = startWitness(state, key);
        WitnessClient again = new WitnessClient(restarted.base(), http, Duration.ofSeconds(10));

        assertThat(again.addCheckpoint(log.request(0, 9))).isEqualTo(new WitnessAnswer.Conflict(5));
        assertThat(again.addCheckpoint(log.fork().request(5, 9)).httpStatus()).isEqualTo(422);
        assertThat(again.addCheckpoint(log.request(5, 9))).isInstanceOf(WitnessAnswer.Cosigned.class);
        assertThat(Files.readString(state)).contains(TestLog.ORIGIN + " 9 " + log.tree().root(9).base64());
    }

    private record Started(Process process, String cosigner, URI base) {
    }

    private Started startWitness(Path state, Path key) throws Exception {
        Process process = start("witness", "--state", state.toString(), "--key", key.toString(),
                "--log", log.verifierKey().format(), "--listen", "127.0.0.1:0");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("closed: " + e.getMessage());
            }
        }, "witness-stdout");
        reader.setDaemon(true);
        reader.start();
        String cosigner = null;
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                assertThat(process.isAlive()).as("the witness stopped while starting").isTrue();
                continue;
            }
            if (line.startsWith("cosigner ")) {
                cosigner = line.substring("cosigner ".length());
            }
            if (line.startsWith("listening ")) {
                URI url = URI.create(line.substring("listening ".length()));
                assertThat(url.getHost()).isEqualTo("127.0.0.1");
                return new Started(process, cosigner, URI.create("http://127.0.0.1:" + url.getPort()));
            }
        }
        throw new AssertionError("the witness did not say where it listens within " + STARTUP);
    }

    private String runToEnd(String... args) throws Exception {
        Process process = start(args);
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Main.OK);
        return new String(out, StandardCharsets.UTF_8);
    }

    private Process start(String... args) throws IOException {
        assertThat(JAR).as("the jar is built before the integration tests").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(directory.resolve("stderr-" + processes.size() + ".txt").toFile())
                .start();
        processes.add(process);
        return process;
    }

    private AddCheckpointRequest withFlippedProof(AddCheckpointRequest request) {
        List<Hash> proof = new ArrayList<>(request.consistencyProof());
        byte[] bytes = proof.get(0).bytes();
        bytes[31] ^= (byte) 0x80;
        proof.set(0, Hash.of(bytes));
        return AddCheckpointRequest.of(request.oldSize(), proof, request.note());
    }

    private AddCheckpointRequest otherOrigin() {
        SignerKey other = SignerKey.fromSeed("other.example.se/log", SignatureType.ED25519, TestLog.seed(3));
        Note note = Note.sign("other.example.se/log\n1\n" + log.tree().root(1).base64() + "\n",
                List.of(new org.caseledger.verify.note.Ed25519NoteSigner(other)));
        return AddCheckpointRequest.of(0, List.of(), note);
    }

    private HttpResponse<String> post(URI base, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/add-checkpoint")).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String rawStatusLine(URI base, String head) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder line = new StringBuilder();
            for (int c = socket.getInputStream().read(); c >= 0 && c != '\n'; c = socket.getInputStream().read()) {
                line.append((char) c);
            }
            return line.toString().strip();
        }
    }
}
