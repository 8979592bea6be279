package org.caseledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ReadModels;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stops in the middle of work and comes back. The ledger runs against a PostgreSQL of its own here,
 * started from the embedded distribution on a fixed port and data directory, so that it can be stopped and
 * started again without disturbing the server the other tests share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseOutageIT {

    private static final Duration BOUNDED_ANSWER = Duration.ofSeconds(15);
    private static final int CLIENTS = 8;
    private static final int CRASHES = 3;

    private static Path dataDirectory;
    private static int databasePort;
    private static EmbeddedPostgres postgres;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void ownPostgres(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("ledger-outage");
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        postgres = start();
        TestDatabase.onServer(TestDatabase.urlOf(postgres), "postgres", "", "its own embedded PostgreSQL").registerIn(registry);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        FileSystemUtils.deleteRecursively(dataDirectory);
    }

    @Test
    void whileTheDatabaseIsDownTheApiAnswers503AndAfterwardsRecoversWithNothingLostOrDoubled() throws Exception {
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);
        LedgerHttp anna = http.as("anna");
        String caseId = Fixtures.openCase(http);
        String notes = "/api/v1/cases/" + caseId + "/notes";
        assertThat(anna.post(notes, Map.of("text", "Before the outage.")).status()).isEqualTo(201);

        postgres.close();

        long began = System.nanoTime();
        LedgerHttp.Response read = anna.get("/api/v1/cases/" + caseId);
        LedgerHttp.Response write = anna.header("Idempotency-Key", "during-outage").post(notes, Map.of("text", "During the outage."));
        Duration answered = Duration.ofNanos(System.nanoTime() - began);
        System.out.printf("Database outage: a read and a write answered %d and %d in %d ms together%n", read.status(),
                write.status(), answered.toMillis());
        assertUnavailable(read);
        assertUnavailable(write);
        assertThat(answered).as("both answers came within a bounded time").isLessThan(BOUNDED_ANSWER.multipliedBy(2));
        LedgerHttp.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.field("status")).isEqualTo("DOWN");

        postgres = start();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> anna.get("/api/v1/cases/" + caseId).status() == 200);
        assertThat(http.get("/actuator/health").field("status")).isEqualTo("UP");
        LedgerHttp.Response retried = anna.header("Idempotency-Key", "during-outage").post(notes, Map.of("text", "During the outage."));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(anna.post(notes, Map.of("text", "After the outage.")).status()).isEqualTo(201);

        JsonNode history = http.as("ivo").get("/api/v1/cases/" + caseId + "/history").json();
        List<String> recorded = new ArrayList<>();
        history.forEach(entry -> {
            if (entry.path("type").asString().equals("JournalNoteRecorded")) {
                recorded.add(entry.path("data").path("text").asString());
            }
        });
        assertThat(recorded)
                .containsExactly("Before the outage.", "During the outage.", "After the outage.");
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        assertThat(http.as("ivo").get("/api/v1/cases/" + caseId).json().path("notes").size()).isEqualTo(3);
        assertThat(http.as("lars").post("/api/v1/audit/checkpoints", Map.of()).status()).isLessThan(300);
        assertThat(http.as("ivo").get("/api/v1/audit/verify").field("status")).isEqualTo("INTACT");
    }

    /**
     * The database crashes (an immediate shutdown, as when its host dies) three times while clients write and read. Every
     * answer is a success or a 503 the client can act on, never a 500; during each outage the probes answer within a
     * second: not ready, and still alive, so that an orchestrator takes the node out of service without restarting it.
     */
    @Test
    void givenClientsAtWorkWhenTheDatabaseCrashesThenEveryAnswerIsASuccessOrA503AndTheProbesAnswerAtOnce() throws Exception {
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);
        List<String> cases = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            cases.add(Fixtures.openCase(http));
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> wrongAnswers = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            String caseId = cases.get(client);
            clients.submit(() -> {
                LedgerHttp anna = http.as("anna");
                for (int sent = 0; !stop.get(); sent++) {
                    LedgerHttp.Response answer;
                    try {
                        answer = sent % 2 == 0
                                ? anna.header("Idempotency-Key", UUID.randomUUID().toString())
                                        .post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "A note during crashes."))
                                : anna.get("/api/v1/cases/" + caseId);
                    } catch (RuntimeException | AssertionError e) {
                        wrongAnswers.add("no answer: " + e);
                        continue;
                    }
                    statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
                    boolean unavailable = answer.status() == 503 && answer.header("Retry-After") != null
                            && (answer.field("type").endsWith("/database-unavailable") || answer.field("type").endsWith("/outcome-unknown"));
                    if (answer.status() >= 300 && !unavailable) {
                        wrongAnswers.add(answer.toString());
                    }
                }
            });
        }
        List<String> probes = new ArrayList<>();
        try {
            for (int crash = 1; crash <= CRASHES; crash++) {
                int before = statuses.getOrDefault(201, new AtomicInteger()).get();
                await().atMost(Duration.ofSeconds(60)).until(() -> statuses.getOrDefault(201, new AtomicInteger()).get() >= before + 20);
                crash();
                Thread.sleep(300);
                probes.add(probe(http, "/actuator/health/liveness", 200, "UP"));
                probes.add(probe(http, "/actuator/health/readiness", 503, "DOWN"));
                probes.add(probe(http, "/actuator/health", 503, "DOWN"));
                postgres = start();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> http.get("/actuator/health/readiness").status() == 200);
            }
            int recovered = statuses.getOrDefault(201, new AtomicInteger()).get();
            await().atMost(Duration.ofSeconds(60)).until(() -> statuses.getOrDefault(201, new AtomicInteger()).get() >= recovered + 20);
        } finally {
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        System.out.printf("Database crashes: %d crashes under %d clients; answers by status %s; probes during the outages: %s%n",
                CRASHES, CLIENTS, new TreeMap<>(statuses), probes);
        assertThat(wrongAnswers).as("answers other than a success or a 503 problem with Retry-After").isEmpty();
        assertThat(statuses).containsKey(503);
        assertThat(probes).allMatch(probe -> probe.endsWith("as expected"));
    }

    /** Asks a probe and says how long it took and whether it answered as expected; the answer must come within a second. */
    private static String probe(LedgerHttp http, String path, int status, String health) {
        long began = System.nanoTime();
        LedgerHttp.Response answer = http.get(path);
        long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
        boolean expected = answer.status() == status && health.equals(answer.field("status")) && millis < 1000;
        return path + " " + answer.status() + " in " + millis + " ms" + (expected ? " as expected" : " NOT as expected");
    }

    /**
     * An immediate shutdown, as PostgreSQL does when its host fails: SIGQUIT to the postmaster ends every backend at once,
     * without a checkpoint; the next start recovers from the write-ahead log.
     */
    private static void crash() throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(postmaster).isEmpty());
        // The embedded PostgreSQL object holds a lock on the data directory until closed; its stop finds no server.
        Logger embedded = (Logger) LoggerFactory.getLogger(EmbeddedPostgres.class);
        Level level = embedded.getLevel();
        embedded.setLevel(Level.OFF);
        try {
            postgres.close();
        } finally {
            embedded.setLevel(level);
        }
    }

    private static void assertUnavailable(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field("type")).endsWith("database-unavailable");
        assertThat(response.header("Retry-After")).isNotNull();
    }

    private static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(databasePort)
                .start();
    }
}
