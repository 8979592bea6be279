package org.caseledger.api.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Clients writing through the ledger's API as fast as it answers, each command with an idempotency key of its own, and
 * a receipt of every attempt: what was sent, when, and what came back (nothing, when the connection failed). Four
 * commands in five are a journal note on one of a few open cases; the fifth opens a case on a report of concern, two
 * events in one transaction.
 */
public final class WritingClients {

    /** One command a client sent, and what it heard back ({@code status} null: no answer). */
    public record Attempt(String key, String path, Map<String, Object> body, int eventsExpected, Instant sent, Integer status,
                          String problem, Instant answered) {

        public boolean acknowledged() {
            return status != null && status >= 200 && status < 300;
        }

        public boolean refusedAsUnavailable() {
            return status != null && status == 503;
        }
    }

    private final LedgerHttp http;
    private final List<String> cases;
    private final List<String> children;
    private final List<Attempt> attempts = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private ExecutorService pool;

    private WritingClients(LedgerHttp http, List<String> cases, List<String> children) {
        this.http = http.as("anna");
        this.cases = cases;
        this.children = children;
    }

    /** Opens the cases and registers the children the clients write to; starts nothing yet. */
    public static WritingClients on(LedgerHttp http, int cases) {
        List<String> opened = new ArrayList<>();
        List<String> children = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            opened.add(Fixtures.openCase(http));
            children.add(Fixtures.registerChild(http));
        }
        return new WritingClients(http, opened, children);
    }

    /** Clients writing to the same cases through another ledger node, with receipts of their own. */
    public WritingClients through(LedgerHttp node) {
        return new WritingClients(node, cases, children);
    }

    /** Starts the clients; they write until {@link #stop()}. */
    public WritingClients start(int clients) {
        pool = Executors.newFixedThreadPool(clients);
        for (int client = 0; client < clients; client++) {
            int number = client;
            pool.submit(() -> {
                for (int sent = 0; !stop.get(); sent++) {
                    record(send(number + sent));
                }
            });
        }
        return this;
    }

    /** Sends the next command once, waiting for its answer, and keeps the receipt. */
    public Attempt sendOne() {
        Attempt attempt = send(attempts().size());
        record(attempt);
        return attempt;
    }

    /** Sends commands one after another; each must be acknowledged. */
    public List<Attempt> sendAcknowledged(int count) {
        List<Attempt> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Attempt attempt = sendOne();
            if (!attempt.acknowledged()) {
                throw new AssertionError("not acknowledged: " + attempt);
            }
            sent.add(attempt);
        }
        return sent;
    }

    /** Sends a command again with its idempotency key, as a client does that never learned the outcome. */
    public Attempt retry(Attempt attempt) {
        return exchange(attempt.key(), attempt.path(), attempt.body(), attempt.eventsExpected());
    }

    /** Waits until this many commands matching the condition have been acknowledged. */
    public void awaitAcknowledged(int count, Predicate<Attempt> which, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> attempts().stream().filter(which).filter(Attempt::acknowledged).count() >= count);
    }

    /** Stops the clients, lets the commands in flight end, and answers every receipt. */
    public List<Attempt> stop() throws InterruptedException {
        stop.set(true);
        if (pool != null) {
            pool.shutdown();
            if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the clients did not stop");
            }
        }
        return attempts();
    }

    /** Every receipt so far. */
    public List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** The number of stored events each idempotency key names: what a command left in the store. */
    public static Map<String, Integer> eventsPerKey(JdbcClient jdbc) {
        Map<String, Integer> events = new HashMap<>();
        jdbc.sql("SELECT convert_from(payload, 'UTF8')::jsonb -> 'envelope' ->> 'idempotencyKey', count(*) FROM domain_event_entry GROUP BY 1")
                .query(rs -> {
                    if (rs.getString(1) != null) {
                        events.put(rs.getString(1), rs.getInt(2));
                    }
                });
        return events;
    }

    private static String problemType(LedgerHttp.Response answer) {
        try {
            return answer.field("type");
        } catch (RuntimeException notJson) {
            return answer.text();
        }
    }

    private void record(Attempt attempt) {
        synchronized (attempts) {
            attempts.add(attempt);
        }
    }

    private Attempt send(int turn) {
        String key = UUID.randomUUID().toString();
        if (turn % 5 == 4) {
            return exchange(key, "/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", children.get(turn % children.size()),
                    "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z", "occurredAt", "2026-03-02T08:20:00Z",
                    "report", Map.of("reporterType", "POLICE", "summary", "A report sent as " + key + ".")), 2);
        }
        return exchange(key, "/api/v1/cases/" + cases.get(turn % cases.size()) + "/notes", Map.of("text", "A note sent as " + key + "."), 1);
    }

    private Attempt exchange(String key, String path, Map<String, Object> body, int eventsExpected) {
        Instant sent = Instant.now();
        try {
            LedgerHttp.Response answer = http.header("Idempotency-Key", key).post(path, body);
            String problem = answer.status() >= 400 ? problemType(answer) : null;
            return new Attempt(key, path, body, eventsExpected, sent, answer.status(), problem, Instant.now());
        } catch (RuntimeException noAnswer) {
            // the connection failed: the client never learns what happened
            return new Attempt(key, path, body, eventsExpected, sent, null, noAnswer.getMessage(), Instant.now());
        }
    }
}
