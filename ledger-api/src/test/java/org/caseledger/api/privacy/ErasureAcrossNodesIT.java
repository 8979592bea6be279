package org.caseledger.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerNode;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An erasure on one node, read on another: two ledger nodes, each the packaged application in a process of its own, on
 * one database, with the default key cache time of 30 s. The other node holds the person's keys in memory from an
 * earlier read, and shows the person erased within its poll for destroyed keys (1 s) and a little, well before the key
 * cache time (docs/privacy.md).
 */
class ErasureAcrossNodesIT {

    private static final Duration DESTROYED_KEY_POLL = Duration.ofSeconds(1);
    /** The poll, the request that reads, and a loaded machine's delays. */
    private static final Duration SHOWN_ERASED_WITHIN = DESTROYED_KEY_POLL.plusSeconds(2);

    private final TestDatabase.Database database = TestDatabase.another();
    private final String mark = "XN" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private LedgerNode first;
    private LedgerNode second;

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (LedgerNode node : new LedgerNode[] {first, second}) {
            if (node != null) {
                node.kill();
            }
        }
    }

    @Test
    void givenAPersonReadOnAnotherNodeWhenErasedThenThatNodeShowsThemErasedWithinItsPollForDestroyedKeys() throws Exception {
        // Given two nodes, and a case file read on the second, which now holds its keys in memory for 30 s
        first = LedgerNode.start("erasure-nodes-1", LedgerNode.freePort(), database, "erasure-nodes-keys");
        second = LedgerNode.start("erasure-nodes-2", LedgerNode.freePort(), database, "erasure-nodes-keys");
        LedgerHttp one = first.http();
        LedgerHttp two = second.http();
        String child = one.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Siri " + mark))
                .field("personId");
        String caseId = Fixtures.openCaseOnSchoolReport(one, child).field("caseId");
        assertThat(one.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Visit to " + mark + ".")).status()).isEqualTo(201);
        assertThat(two.as("lars").get("/api/v1/cases/" + caseId + "/history").text()).contains(mark);
        assertThat(two.as("lars").get("/api/v1/cases/" + caseId).text()).contains(mark);

        // When the first node erases the person
        LedgerHttp.Response erased = one.as("lars").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        long erasedAt = System.nanoTime();

        // Then the second node shows the person erased within its poll, in the history and the case view
        await().atMost(SHOWN_ERASED_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> !two.as("lars").get("/api/v1/cases/" + caseId + "/history").text().contains(mark));
        long historyMillis = (System.nanoTime() - erasedAt) / 1_000_000;
        await().atMost(SHOWN_ERASED_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> two.as("lars").get("/api/v1/cases/" + caseId).text().contains("[erased]"));
        long viewMillis = (System.nanoTime() - erasedAt) / 1_000_000;
        assertThat(two.as("lars").get("/api/v1/cases/" + caseId).text()).doesNotContain(mark);
        System.out.printf("Erasure across nodes: the other node showed the history erased after %d ms, the case view after %d ms "
                + "(destroyed-key poll %d s, key cache time 30 s)%n", historyMillis, viewMillis, DESTROYED_KEY_POLL.toSeconds());
    }
}
