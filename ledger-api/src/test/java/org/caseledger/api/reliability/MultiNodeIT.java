package org.caseledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.LedgerNode;
import org.caseledger.api.support.ReadModels;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Two ledger nodes, each the packaged application in a process of its own, on one database: they share the read
 * models' segments through the token store, writes to one case through both are serialized, an erasure through one
 * leaves no plaintext in the read models the other keeps, and when one is killed the other takes over its segments; a
 * node with another master key or signing key is refused. The tests run in order on the same two nodes; the fifth kills one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {

    private static final int SEGMENTS = 4;
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);
    private static final int CASES = 24;
    private static final String[] SETTINGS = {
            "--axon.eventhandling.tokenstore.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s",
            "--axon.eventhandling.processors.read-models.token-claim-interval=1000",
            "--axon.eventhandling.processors.read-models.initial-segment-count=" + SEGMENTS,
            // Both nodes seal while the tests write, so that their sealers meet.
            "--ledger.integrity.checkpoint-interval=PT1S",
            "--ledger.integrity.checkpoint-poll=PT1S"};

    private final TestDatabase.Database database = TestDatabase.another();
    private final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password()));
    private final List<String> cases = Collections.synchronizedList(new ArrayList<>());
    private final List<String> figures = new ArrayList<>();
    private LedgerNode first;
    private LedgerNode second;

    @BeforeAll
    void startOneNodeThenAnother() throws IOException {
        first = LedgerNode.start("multi-node-1", LedgerNode.freePort(), database, "multi-node-keys", SETTINGS);
        await().atMost(Duration.ofSeconds(60)).until(() -> segmentsHeldBy(first).equals(Map.of(id(first), List.of(0, 1, 2, 3))));
        figures.add("alone, the first node holds " + segmentsHeldBy(first));

        second = LedgerNode.start("multi-node-2", LedgerNode.freePort(), database, "multi-node-keys", SETTINGS);
        Instant joined = Instant.now();
        await().atMost(Duration.ofSeconds(60)).until(() -> segmentsHeldBy(first).size() == 2
                && segmentsHeldBy(first).values().stream().allMatch(held -> held.size() == SEGMENTS / 2));
        figures.add("after the second node joined, segments " + segmentsHeldBy(first) + " within "
                + Duration.between(joined, Instant.now()).toMillis() + " ms");
    }

    @AfterAll
    void stopNodes() throws InterruptedException {
        for (LedgerNode node : new LedgerNode[] {first, second}) {
            if (node != null) {
                node.kill();
            }
        }
        System.out.println("Multi-node: " + String.join("; ", figures));
    }

    @Test
    @Order(1)
    void eachNodeHoldsHalfTheSegmentsAndBothSayWhichNodeHoldsWhich() {
        Map<String, List<Integer>> seenByFirst = segmentsHeldBy(first);
        Map<String, List<Integer>> seenBySecond = segmentsHeldBy(second);

        assertThat(id(first)).isNotEqualTo(id(second));
        assertThat(seenByFirst).isEqualTo(seenBySecond);
        assertThat(seenByFirst).containsOnlyKeys(id(first), id(second));
        assertThat(seenByFirst.get(id(first))).hasSize(SEGMENTS / 2).doesNotContainAnyElementsOf(seenByFirst.get(id(second)));
        assertThat(jdbc.sql("SELECT count(DISTINCT owner) FROM token_entry WHERE processor_name = 'read-models'").query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    @Order(2)
    void commandsThroughBothNodesReachEveryReadModelOnceAndEqualWhatARebuildGives() throws Exception {
        // Given clients sending each case's commands alternately through the two nodes
        List<Response> answers = race(CASES, number -> () -> {
            LedgerHttp one = node(number).http();
            LedgerHttp other = node(number + 1).http();
            String caseId = Fixtures.openCase(one);
            cases.add(caseId);
            String path = "/api/v1/cases/" + caseId;
            ok(other.as("anna").post(path + "/notes", Map.of("text", "A note through the other node.")));
            ok(one.as("anna").post(path + "/visits", Map.of("plannedAt", "2026-03-10T09:00:00Z", "place", "HOME")));
            ok(other.as("anna").post(path + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2025:400-20kap2",
                    "rationale", "The report describes repeated signs of neglect.")));
            return ok(one.as("anna").post("/api/v1/outreach/anonymous-consultations",
                    Map.of("topic", "PARENTING", "occurredAt", "2026-03-02T15:00:00Z")));
        });
        assertThat(answers).hasSize(CASES);

        // When the read models have caught up on both nodes
        ReadModels.awaitCaughtUp(first.http(), Duration.ofSeconds(120));
        ReadModels.awaitCaughtUp(second.http(), Duration.ofSeconds(120));

        // Then every case is there once, at its last event, and nothing was lost on the way
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY(?)")
                .param((Object) cases.toArray(String[]::new)).query(Integer.class).single())
                .as("a case opened on a report (2 events), a note, a visit and a decision").isEqualTo(CASES * 5);
        assertEveryCaseViewIsAtItsLastEvent();
        assertThat(jdbc.sql("SELECT count(*) FROM metric_fact WHERE metric = 'ANONYMOUS_CONSULTATIONS'").query(Integer.class).single())
                .isEqualTo(CASES);

        // and a rebuild, started on one node while the other holds half the segments, arrives at the same rows
        String live = ReadModels.digest(jdbc);
        Instant started = Instant.now();
        ReadModels.rebuild(first.http());
        ReadModels.awaitCaughtUp(second.http(), Duration.ofSeconds(120));
        figures.add("rebuild of " + storedEvents() + " events through the first node in "
                + Duration.between(started, Instant.now()).toMillis() + " ms");
        assertThat(ReadModels.digest(jdbc)).isEqualTo(live);
        await().atMost(Duration.ofSeconds(60)).until(() -> segmentsHeldBy(first).size() == 2);
    }

    @Test
    @Order(3)
    void writesToOneCaseThroughBothNodesHaveOneWinnerPerVersionAndNoneIsLostOrDoubled() throws Exception {
        String caseId = Fixtures.openCase(first.http());
        String path = "/api/v1/cases/" + caseId;

        // Clients on both nodes writing on the same version: one wins, the others are told the case has changed
        for (int round = 0; round < 8; round++) {
            String etag = node(round).http().as("anna").get(path).header("ETag");
            List<Response> answers = race(8, client -> () -> node(client).http().as("anna").header("If-Match", etag)
                    .post(path + "/notes", Map.of("text", "On version " + etag + " by client " + client + ".")));
            assertThat(answers).filteredOn(answer -> answer.status() == 201).as("winners on version " + etag).hasSize(1);
            assertThat(answers).filteredOn(answer -> answer.status() != 201)
                    .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(412));
        }

        // Clients on both nodes writing without If-Match: every accepted note is there once, in an unbroken sequence
        long before = eventsOf(caseId);
        List<Response> answers = race(32, client -> () -> node(client).http().as("anna")
                .post(path + "/notes", Map.of("text", "Without If-Match, client " + client + ".")));
        List<Response> accepted = answers.stream().filter(answer -> answer.status() == 201).toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(201, 409));
        assertThat(eventsOf(caseId)).isEqualTo(before + accepted.size());
        assertThat(jdbc.sql("SELECT count(DISTINCT sequence_number) = count(*) AND max(sequence_number) = count(*) - 1 "
                + "FROM domain_event_entry WHERE aggregate_identifier = ?").param(caseId).query(Boolean.class).single())
                .as("sequence numbers 0..n-1, none twice").isTrue();

        // The same request with the same Idempotency-Key through both nodes at once takes effect once
        for (int request = 0; request < 6; request++) {
            String key = UUID.randomUUID().toString();
            List<Response> twice = race(2, client -> () -> node(client).http().as("anna").header("Idempotency-Key", key)
                    .post(path + "/notes", Map.of("text", "Sent twice under " + key + ".")));
            assertThat(twice).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
            assertThat(twice.get(0).field("noteId")).isEqualTo(twice.get(1).field("noteId"));
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8')::jsonb "
                    + "-> 'envelope' ->> 'idempotencyKey' = ?").param(key).query(Integer.class).single()).isEqualTo(1);
        }
        figures.add(accepted.size() + " of 32 concurrent notes without If-Match accepted, " + (answers.size() - accepted.size())
                + " refused as concurrent writes");
        ReadModels.awaitCaughtUp(first.http(), Duration.ofSeconds(60));
        assertThat(jdbc.sql("SELECT version FROM case_view WHERE case_id = ?::uuid").param(caseId).query(Long.class).single())
                .isEqualTo(eventsOf(caseId) - 1);
    }

    @Test
    @Order(4)
    void anErasureThroughOneNodeLeavesNoPlaintextInTheCaseFilesTheOtherNodeProjects() {
        // Given children whose case files are projected by one node, written just now (so that node holds their keys)
        String mark = "QZXM";
        Map<String, String> caseOfChild = new TreeMap<>();
        for (int child = 0; child < SEGMENTS; child++) {
            LedgerHttp http = node(child).http();
            String personId = ok(http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(),
                    "name", "Child " + mark + " " + child))).field("personId");
            String caseId = ok(Fixtures.openCaseOnSchoolReport(http, personId)).field("caseId");
            ok(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Home visit: " + mark + " was calm.")));
            caseOfChild.put(personId, caseId);
        }
        ReadModels.awaitCaughtUp(first.http(), Duration.ofSeconds(60));
        assertThat(caseOfChild.values()).allSatisfy(caseId -> assertThat(first.http().as("lars").get("/api/v1/cases/" + caseId).text())
                .contains(mark));
        assertThat(caseViewsHolding(mark)).as("stored case views holding plaintext").isZero();

        // When each child is erased through the node that does not project the child's case files
        for (String child : caseOfChild.keySet()) {
            String projecting = ownerOfSegment(segmentOf(child));
            LedgerNode other = id(first).equals(projecting) ? second : first;
            Response erased = other.http().as("lars").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "RETENTION"));
            assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        }

        // Then no stored view holds the plaintext, and both nodes show it erased once they have looked for destroyed keys
        ReadModels.awaitCaughtUp(first.http(), Duration.ofSeconds(60));
        assertThat(caseViewsHolding(mark)).as("case views holding an erased child's text").isZero();
        for (LedgerNode node : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(caseOfChild.values()).allSatisfy(caseId ->
                    assertThat(node.http().as("lars").get("/api/v1/cases/" + caseId).text()).doesNotContain(mark).contains("[erased]")));
        }
    }

    @Test
    @Order(5)
    void whenANodeIsKilledTheOtherTakesOverItsSegmentsWithinTheClaimTimeoutAndKeepsEveryReadModelCurrent() throws Exception {
        // Given two nodes sharing the segments
        Map<String, List<Integer>> before = segmentsHeldBy(first);
        String survivor = id(first);

        // When one is killed (no shutdown hook, its claims stay in the token store until they expire)
        second.kill();
        Instant killed = Instant.now();

        // Then the other holds every segment once the claims have expired
        await().atMost(CLAIM_TIMEOUT.multipliedBy(4)).pollInterval(Duration.ofMillis(100))
                .until(() -> segmentsHeldBy(first).equals(Map.of(survivor, List.of(0, 1, 2, 3))));
        Duration takeover = Duration.between(killed, Instant.now());
        figures.add("segments before the kill " + before + ", after " + segmentsHeldBy(first) + ", taken over in "
                + takeover.toMillis() + " ms (claim timeout " + CLAIM_TIMEOUT.toMillis() + " ms)");
        assertThat(takeover).isLessThan(CLAIM_TIMEOUT.multipliedBy(3));

        // and what is written afterwards reaches the read models of every case, whichever node had held it
        race(cases.size(), number -> () -> ok(first.http().as("anna").post("/api/v1/cases/" + cases.get(number) + "/notes",
                Map.of("text", "Written after the other node was killed."))));
        ReadModels.awaitCaughtUp(first.http(), Duration.ofSeconds(120));
        assertEveryCaseViewIsAtItsLastEvent();

        // and the ledger both nodes sealed verifies, its checkpoints one after another with no event twice or left out
        assertThat(first.http().as("lars").post("/api/v1/audit/checkpoints", Map.of()).status()).isLessThan(300);
        Response verification = first.http().as("ivo").get("/api/v1/audit/verify");
        assertThat(verification.field("status")).as(verification.toString()).isEqualTo("INTACT");
        assertThat(jdbc.sql("SELECT bool_and(from_index = coalesce(previous_to, 0) + 1 AND number = coalesce(previous_number, 0) + 1) "
                        + "FROM (SELECT number, from_index, lag(to_index) OVER (ORDER BY number) AS previous_to, "
                        + "lag(number) OVER (ORDER BY number) AS previous_number FROM ledger_checkpoint) chain")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM checkpoint_entry").query(Long.class).single()).isEqualTo(storedEvents());
        figures.add(cases.size() + " cases, " + storedEvents() + " events, "
                + jdbc.sql("SELECT count(*) FROM ledger_checkpoint").query(Long.class).single() + " checkpoints");
    }

    @Test
    @Order(6)
    void aNodeWithAnotherMasterKeyRefusesToStart() throws IOException {
        // Given a node given the ledger's signing key but not its master key, which it generates anew
        emptyDirectory("multi-node-other-master-key");
        copyKey("signing-key.pem", "multi-node-other-master-key");

        assertThatThrownBy(() -> LedgerNode.start("multi-node-other-master-key", LedgerNode.freePort(), database,
                "multi-node-other-master-key", SETTINGS)).hasMessageContaining("stopped while starting");
        assertThat(LedgerNode.log("multi-node-other-master-key")).contains("the data keys stored in the database do not unwrap");
    }

    @Test
    @Order(7)
    void aNodeWithAnotherSigningKeyRefusesToStart() throws IOException {
        // Given a node given the ledger's master key and key-encryption keys but not its signing key, which it generates anew
        emptyDirectory("multi-node-other-signing-key");
        copyKey("master-key", "multi-node-other-signing-key");
        copyKey("keys", "multi-node-other-signing-key");

        assertThatThrownBy(() -> LedgerNode.start("multi-node-other-signing-key", LedgerNode.freePort(), database,
                "multi-node-other-signing-key", SETTINGS)).hasMessageContaining("stopped while starting");
        assertThat(LedgerNode.log("multi-node-other-signing-key")).contains("was not written with any key of this node");
    }

    /** A node's key directory under target, emptied of what an earlier run left. */
    private static void emptyDirectory(String keys) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", keys));
        try (var old = Files.walk(directory)) {
            for (Path stale : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!stale.equals(directory)) {
                    Files.delete(stale);
                }
            }
        }
    }

    /** Copies a key file, or the key-encryption keys' directory, of the ledger's nodes to another node's directory. */
    private static void copyKey(String file, String toKeys) throws IOException {
        Path keys = Files.createDirectories(Path.of("target", toKeys));
        Path from = Path.of("target", "multi-node-keys", file);
        Path to = keys.resolve(file);
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            try (var keks = Files.list(from)) {
                for (Path kek : keks.toList()) {
                    Files.copy(kek, to.resolve(kek.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } else {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void assertEveryCaseViewIsAtItsLastEvent() {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM case_view v
                        JOIN (SELECT aggregate_identifier, max(sequence_number) AS last FROM domain_event_entry
                              WHERE aggregate_identifier = ANY(?) GROUP BY aggregate_identifier) e
                          ON v.case_id = e.aggregate_identifier::uuid AND v.version = e.last
                        """)
                .param((Object) cases.toArray(String[]::new)).query(Integer.class).single())
                .as("case views at their case's last event").isEqualTo(cases.size());
    }

    /** Which node holds which segments, as the node asked reads them from the token store. */
    private static Map<String, List<Integer>> segmentsHeldBy(LedgerNode asked) {
        Map<String, List<Integer>> held = new TreeMap<>();
        for (JsonNode segment : status(asked).path("segments")) {
            if (!segment.path("owner").isNull() && !segment.path("owner").isMissingNode()) {
                held.computeIfAbsent(segment.path("owner").asString(), owner -> new ArrayList<>()).add(segment.path("segment").asInt());
            }
        }
        return held;
    }

    /** As Axon's segments match events: the hash of the sequence identifier (a case's child) masked by the segment count. */
    private static int segmentOf(String child) {
        return child.hashCode() & (SEGMENTS - 1);
    }

    private String ownerOfSegment(int segment) {
        return status(first).path("segments").get(segment).path("owner").asString();
    }

    private static String id(LedgerNode node) {
        return status(node).path("node").asString();
    }

    private static JsonNode status(LedgerNode node) {
        return node.http().as("eva").get("/api/v1/admin/projections").json().get(0);
    }

    private LedgerNode node(int number) {
        return number % 2 == 0 ? first : second;
    }

    private int caseViewsHolding(String text) {
        return jdbc.sql("SELECT count(*) FROM case_view WHERE document::text LIKE ?").param("%" + text + "%").query(Integer.class).single();
    }

    private long eventsOf(String caseId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(caseId).query(Long.class).single();
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response;
    }

    /** Sends the requests from as many threads (at most 16), released together, and answers what each got back. */
    private static <T> List<T> race(int requests, IntFunction<Callable<T>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(requests, 16));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (int client = 0; client < requests; client++) {
                Callable<T> send = request.apply(client);
                answers.add(pool.submit(() -> {
                    start.await();
                    return send.call();
                }));
            }
            start.countDown();
            List<T> responses = new ArrayList<>();
            for (Future<T> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
