package org.caseledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerNode;
import org.caseledger.api.support.ReadModels;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The ledger's process is killed (SIGKILL, no shutdown hook runs) while several clients send commands, and is
 * started again on the same database. The packaged application runs as a process of its own, as in production.
 */
class CrashIT {

    private static final int CLIENTS = 6;
    private static final int CASES = 6;

    private final TestDatabase.Database database = TestDatabase.another();
    private final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password()));
    private final int port = LedgerNode.freePort();
    private final LedgerHttp http = new LedgerHttp("http://localhost:" + port);
    private LedgerNode node;

    /** One command a client sent, and what it heard back. */
    private record Attempt(String key, String path, Map<String, Object> body, int eventsExpected, Integer status) {

        boolean acknowledged() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @AfterEach
    void stopNode() throws InterruptedException {
        if (node != null) {
            node.kill();
        }
    }

    @Test
    void afterAKillEveryAcknowledgedCommandIsThereOnceNothingIsHalfWrittenTheChainVerifiesAndReadModelsConverge() throws Exception {
        // Given a running ledger with open cases, and clients sending notes and opening cases as fast as it answers
        node = start(1);
        List<String> cases = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            cases.add(Fixtures.openCase(http));
        }
        List<String> children = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            children.add(Fixtures.registerChild(http));
        }
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            int number = client;
            clients.submit(() -> {
                LedgerHttp anna = http.as("anna");
                for (int sent = 0; !stop.get(); sent++) {
                    Attempt attempt = sent % 5 == 4 ? openingOfACase(children.get((number + sent) % CASES)) : noteOn(cases.get((number + sent) % CASES));
                    inFlight.incrementAndGet();
                    Integer status = null;
                    try {
                        status = anna.header("Idempotency-Key", attempt.key()).post(attempt.path(), attempt.body()).status();
                    } catch (RuntimeException noAnswer) {
                        // the process died with this request in flight: the client never learns what happened
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    attempts.add(new Attempt(attempt.key(), attempt.path(), attempt.body(), attempt.eventsExpected(), status));
                }
            });
        }
        // The clients still add to the list: reading it needs its lock, or the count may fail halfway.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            synchronized (attempts) {
                return attempts.stream().filter(Attempt::acknowledged).count() >= 150;
            }
        });

        // When the process is killed mid-stream and started again
        stop.set(true);
        int inFlightAtKill = inFlight.get();
        node.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        node = start(2);

        // Then every acknowledged command's events are there once, and an unanswered one completely or not at all
        List<Attempt> acknowledged = attempts.stream().filter(Attempt::acknowledged).toList();
        List<Attempt> unanswered = attempts.stream().filter(attempt -> attempt.status() == null).toList();
        Map<String, Integer> eventsPerKey = eventsPerIdempotencyKey();
        for (Attempt attempt : acknowledged) {
            assertThat(eventsPerKey.get(attempt.key())).as("events of acknowledged " + attempt).isEqualTo(attempt.eventsExpected());
        }
        int unansweredButDone = 0;
        for (Attempt attempt : unanswered) {
            Integer events = eventsPerKey.get(attempt.key());
            assertThat(events == null || events == attempt.eventsExpected()).as("events of unanswered " + attempt).isTrue();
            assertThat(answerStored(attempt.key())).as("answer stored with the events of " + attempt).isEqualTo(events != null);
            unansweredButDone += events == null ? 0 : 1;
        }
        assertThat(attempts.stream().filter(attempt -> attempt.status() != null && !attempt.acknowledged()).toList())
                .as("answers other than success before the kill").isEmpty();

        // and a retry of every unanswered command with its key has exactly one effect
        for (Attempt attempt : unanswered) {
            LedgerHttp.Response retry = http.as("anna").header("Idempotency-Key", attempt.key()).post(attempt.path(), attempt.body());
            assertThat(retry.status()).as(retry.toString()).isBetween(200, 299);
        }
        Map<String, Integer> afterRetries = eventsPerIdempotencyKey();
        for (Attempt attempt : attempts) {
            assertThat(afterRetries.get(attempt.key())).as("events after retry of " + attempt).isEqualTo(attempt.eventsExpected());
        }

        // and the whole ledger verifies, and the read models converge to what a rebuild gives
        assertThat(http.as("lars").post("/api/v1/audit/checkpoints", Map.of()).status()).isLessThan(300);
        LedgerHttp.Response verification = http.as("ivo").get("/api/v1/audit/verify");
        assertThat(verification.field("status")).as(verification.toString()).isEqualTo("INTACT");
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(120));
        String converged = ReadModels.digest(jdbc);
        ReadModels.rebuild(http);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(120));
        assertThat(ReadModels.digest(jdbc)).isEqualTo(converged);

        System.out.printf("Crash: %d commands sent, %d acknowledged, %d in flight at the kill (%d unanswered, of which %d had "
                        + "committed); after the restart all %d acknowledged found once, %d events in the store%n",
                attempts.size(), acknowledged.size(), inFlightAtKill, unanswered.size(), unansweredButDone, acknowledged.size(),
                jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single());
    }

    private static Attempt noteOn(String caseId) {
        String key = UUID.randomUUID().toString();
        return new Attempt(key, "/api/v1/cases/" + caseId + "/notes", Map.of("text", "A note sent as " + key + "."), 1, null);
    }

    /** Opening a case on a report of concern writes two events in one transaction. */
    private Attempt openingOfACase(String child) {
        String key = UUID.randomUUID().toString();
        return new Attempt(key, "/api/v1/cases", Map.of(
                "origin", "REPORT_OF_CONCERN", "child", child, "household", UUID.randomUUID().toString(),
                "receivedAt", "2026-03-02T08:15:00Z", "occurredAt", "2026-03-02T08:20:00Z",
                "report", Map.of("reporterType", "POLICE", "summary", "A report sent as " + key + ".")), 2, null);
    }

    private Map<String, Integer> eventsPerIdempotencyKey() {
        Map<String, Integer> events = new HashMap<>();
        jdbc.sql("SELECT convert_from(payload, 'UTF8')::jsonb -> 'envelope' ->> 'idempotencyKey', count(*) FROM domain_event_entry "
                        + "GROUP BY 1")
                .query(rs -> {
                    if (rs.getString(1) != null) {
                        events.put(rs.getString(1), rs.getInt(2));
                    }
                });
        return events;
    }

    private boolean answerStored(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotent_request WHERE idempotency_key = ?").param(key).query(Integer.class).single() == 1;
    }

    private LedgerNode start(int run) throws IOException {
        return LedgerNode.start("crash-node-" + run, port, database, "crash-keys");
    }
}
