package org.caseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A witness as an outside party runs it — the kit's jar as a process of its own, with its state in a file — cosigning
 * the ledger's checkpoints, and an auditor's kit accepting them under a trust policy; then a database superuser rolls
 * the checkpoints back, and the witness refuses what the ledger now holds while the ledger raises its alarm. This
 * test has a context and a database of its own: its ledger submits to the witness.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WitnessIT {

    private static final TestDatabase.Database DATABASE = TestDatabase.another();
    private static final String ORIGIN = "case-ledger.test/witness-it";
    private static final SignerKey WITNESS = SignerKey.generate("witness.test/supervision", SignatureType.COSIGNATURE_V1);
    private static final int WITNESS_PORT = freePort();
    private static final Path KIT = Path.of("..", "ledger-verify", "target", "ledger-verify.jar").toAbsolutePath();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private CheckpointSealer sealer;

    @Autowired
    private WitnessPublisher publisher;

    @Autowired
    private IntegrityAlarm alarm;

    private LedgerHttp http;
    private Process witness;
    private Path workDirectory;

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        DATABASE.registerIn(registry);
        registry.add("ledger.integrity.log-origin", () -> ORIGIN);
        registry.add("ledger.integrity.witnesses[0].url", () -> "http://127.0.0.1:" + WITNESS_PORT);
        registry.add("ledger.integrity.witnesses[0].vkey", () -> WITNESS.verifierKey().format());
        registry.add("ledger.integrity.witness-quorum", () -> "1");
        registry.add("ledger.integrity.checkpoint-memory-file", () -> "target/witness-it-memory-" + UUID.randomUUID());
    }

    @BeforeAll
    void startTheWitness() throws Exception {
        assertThat(KIT).as("the kit's jar, built by the ledger-verify module before these tests").exists();
        workDirectory = Files.createTempDirectory("witness-it");
        Path key = workDirectory.resolve("witness.key");
        Files.writeString(key, WITNESS.format() + "\n");
        String logKey = new LedgerHttp("http://localhost:" + port).anonymous().get("/api/v1/audit/log-key").text().strip();
        witness = new ProcessBuilder(javaBinary(), "-jar", KIT.toString(), "witness", "--state", workDirectory.resolve("state").toString(),
                "--key", key.toString(), "--log", logKey, "--listen", "127.0.0.1:" + WITNESS_PORT)
                .redirectErrorStream(true).redirectOutput(workDirectory.resolve("witness.log").toFile()).start();
        await().atMost(Duration.ofSeconds(30)).until(WitnessIT::witnessListens);
    }

    @AfterAll
    void stopTheWitness() throws Exception {
        if (witness != null) {
            witness.destroy();
            if (!witness.waitFor(10, TimeUnit.SECONDS)) {
                witness.destroyForcibly();
            }
        }
    }

    private String lastCaseId;

    @BeforeEach
    void http() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @AfterEach
    void acknowledgeTheAlarm() {
        alarm.acknowledge("the test that tampered");
    }

    @Test
    @Order(1)
    void theWitnessCosignsEachCheckpointAndTheAuditorsKitAcceptsItUnderItsTrustPolicy() throws Exception {
        long first = sealedAndPublished();
        long second = sealedAndPublished();

        JsonNode listed = http.as("ivo").get("/api/v1/audit/checkpoints?fromSize=" + first).json();
        assertThat(listed.findValuesAsString("treeSize")).contains(String.valueOf(first), String.valueOf(second));
        for (JsonNode checkpoint : listed) {
            assertThat(checkpoint.path("published").asBoolean()).as(checkpoint.toString()).isTrue();
            assertThat(checkpoint.path("witnesses").toString()).contains(WITNESS.name());
        }
        Path note = workDirectory.resolve("latest.note");
        Files.writeString(note, http.as("ivo").get("/api/v1/audit/checkpoints/latest").text());
        Path policy = workDirectory.resolve("policy");
        Files.writeString(policy, "log " + http.anonymous().get("/api/v1/audit/log-key").text().strip() + "\n"
                + "witness supervision " + WITNESS.verifierKey().format() + "\nquorum supervision\n");

        Kit verdict = kit("checkpoint", note.toString(), "--policy", policy.toString());
        Path caseFile = workDirectory.resolve("case.json");
        Files.writeString(caseFile, http.as("ivo").get("/api/v1/audit/cases/" + lastCaseId + "/export").text());
        Kit caseFileVerdict = kit("case-file", caseFile.toString(), "--policy", policy.toString());

        assertThat(verdict.exitCode()).as(verdict.output()).isZero();
        assertThat(caseFileVerdict.exitCode()).as(caseFileVerdict.output()).isZero();
        assertThat(caseFileVerdict.output()).startsWith("INTACT").contains("quorum supervision met",
                "witness supervision", "sha256:" + WITNESS.verifierKey().fingerprint());
        Files.writeString(policy, "log " + http.anonymous().get("/api/v1/audit/log-key").text().strip() + "\n"
                + "witness supervision " + SignerKey.generate("witness.test/other", SignatureType.COSIGNATURE_V1).verifierKey().format()
                + "\nquorum supervision\n");
        assertThat(kit("checkpoint", note.toString(), "--policy", policy.toString()).exitCode())
                .as("a policy that trusts another witness does not accept it").isEqualTo(2);
        Kit refused = kit("case-file", caseFile.toString(), "--policy", policy.toString());
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).startsWith("BROKEN").contains("CHECKPOINT_NOT_TRUSTED");

        // the operator's figures (docs/operations.md): how long ago the witness cosigned, read within a few seconds
        String series = "ledger_witness_cosignature_age_seconds{witness=\"" + WITNESS.name() + "\"} ";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String figures = http.as("prometheus").get("/actuator/prometheus").text();
            assertThat(figures).contains(series);
            assertThat(Double.parseDouble(figures.lines().filter(line -> line.startsWith(series)).findFirst().orElseThrow()
                    .substring(series.length()))).isBetween(0.0, 600.0);
        });
    }

    /** Last: it leaves the database rolled back. */
    @Test
    @Order(2)
    void checkpointsRolledBackInTheDatabaseLeaveTheWitnessRefusingAndTheLedgerAlarmed() throws Exception {
        long kept = sealedAndPublished();
        long removed = sealedAndPublished();
        long number = jdbc.sql("SELECT number FROM ledger_checkpoint WHERE tree_size = ?").param(removed).query(Long.class).single();
        long keptTo = jdbc.sql("SELECT to_index FROM ledger_checkpoint WHERE tree_size = ?").param(kept).query(Long.class).single();

        // the removed checkpoints, their cosignatures and every trace of them in the tree, and the events they sealed
        superuser("DELETE FROM witness_cosignature");
        superuser("DELETE FROM merkle_node WHERE (node_index + 1) * (1::bigint << level) > " + kept);
        superuser("DELETE FROM merkle_leaf WHERE tree_index >= " + kept);
        superuser("DELETE FROM checkpoint_entry WHERE checkpoint_number >= " + number);
        superuser("DELETE FROM ledger_checkpoint WHERE number >= " + number);
        superuser("DELETE FROM domain_event_entry WHERE global_index > " + keptTo);
        alarm.acknowledge("the test, before it looks");

        publisher.publishLatest();

        assertThat(alarm.current()).hasValueSatisfying(raised -> {
            assertThat(raised.problem().kind()).isEqualTo(BreakKind.CHECKPOINT_ROLLED_BACK);
            assertThat(raised.problem().detail()).contains("witness " + WITNESS.name() + " has cosigned a tree of " + removed);
        });
        assertThat(http.anonymous().get("/actuator/health").field("status")).isEqualTo("INTEGRITY_ALARM");
    }

    /** Opens a case, seals it, and waits until the witness cosigned the new checkpoint; answers its tree size. */
    private long sealedAndPublished() {
        String caseId = Fixtures.openCase(http);
        lastCaseId = caseId;
        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "A note.")).status()).isEqualTo(201);
        while (sealer.sealNext().isPresent()) {
            // seal until nothing is pending
        }
        long size = jdbc.sql("SELECT max(tree_size) FROM ledger_checkpoint").query(Long.class).single();
        long start = System.nanoTime();
        publisher.publishLatest();
        System.out.printf("Witness round trip: the checkpoint of size %d submitted and its cosignature kept in %.1f ms%n", size,
                (System.nanoTime() - start) / 1e6);
        assertThat(jdbc.sql("SELECT count(*) FROM witness_cosignature WHERE tree_size = ?").param(size).query(Long.class).single())
                .as("cosigned by the witness: see " + workDirectory.resolve("witness.log")).isEqualTo(1);
        return size;
    }

    private void superuser(String sql) throws Exception {
        try (var owner = DATABASE.ownerConnection(); var statement = owner.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute(sql);
        }
    }

    private record Kit(int exitCode, String output) {
    }

    private Kit kit(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", KIT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Kit(process.exitValue(), output);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean witnessListens() {
        try (Socket socket = new Socket("127.0.0.1", WITNESS_PORT)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
