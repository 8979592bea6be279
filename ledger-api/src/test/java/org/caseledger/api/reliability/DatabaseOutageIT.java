package org.caseledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ReadModels;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
