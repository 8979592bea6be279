package org.caseledger.api.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The change feed as another system follows it: from a cursor, page by page, waiting for what is new. */
class ChangeFeedIT extends IntegrationTest {

    @Test
    void givenAConsumerAtTheEndWhenCaseFilesChangeThenItReadsExactlyTheEventsItMaySeeInOrderWithTheirTextOpened() {
        String mark = "CF-" + UUID.randomUUID().toString().substring(0, 8);
        String annasEnd = end(http.as("anna"));
        String auditorsEnd = end(http.as("ivo"));
        String caseId = Fixtures.openCase(http);
        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Home visit " + mark)).status()).isEqualTo(201);
        String otherChild = http.as("sara").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Annan Enhet"))
                .field("personId");
        String otherUnitCase = http.as("sara").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", otherChild,
                "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "A report to another unit."))).field("caseId");

        List<JsonNode> annas = follow(http.as("anna"), annasEnd, 100);
        List<JsonNode> auditors = follow(http.as("ivo"), auditorsEnd, 100);

        assertThat(annas).extracting(event -> event.path("caseId").asString()).containsOnly(caseId);
        assertThat(annas).extracting(event -> event.path("event").path("type").asString())
                .containsExactly("CaseOpened", "ReportOfConcernReceived", "JournalNoteRecorded");
        assertThat(annas).extracting(event -> event.path("event").path("sequenceNumber").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(annas.get(2).path("event").path("data").path("text").asString()).isEqualTo("Home visit " + mark);
        assertThat(auditors).extracting(event -> event.path("caseId").asString()).contains(caseId, otherUnitCase);
        assertThat(http.as("ivo").get("/api/v1/audit/access-log?caseId=" + caseId + "&limit=1000").text()).contains("change feed");
    }

    @Test
    void givenAFeedReadOneEventAPageWhenFollowedToTheEndThenItEqualsTheFeedReadInLargePages() {
        String end = end(http.as("lars"));
        for (int i = 0; i < 3; i++) {
            Fixtures.openCase(http);
        }

        List<String> onePerPage = follow(http.as("lars"), end, 1).stream().map(event -> event.path("event").path("eventId").asString()).toList();
        List<String> largePages = follow(http.as("lars"), end, 500).stream().map(event -> event.path("event").path("eventId").asString()).toList();

        assertThat(onePerPage).hasSize(6).doesNotHaveDuplicates().isEqualTo(largePages);
    }

    @Test
    void givenAConsumerWaitingAtTheEndWhenAnEventIsAppendedThenTheWaitingRequestAnswersWithIt() throws Exception {
        String caseId = Fixtures.openCase(http);
        String end = end(http.as("anna"));
        long asked = System.nanoTime();
        CompletableFuture<LedgerHttp.Response> waiting = CompletableFuture.supplyAsync(() -> http.as("anna").get("/api/v1/events?wait=20&after=" + end));
        Thread.sleep(1_000);

        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Written while a consumer waits.")).status())
                .isEqualTo(201);

        LedgerHttp.Response answered = waiting.get();
        long waitedMillis = (System.nanoTime() - asked) / 1_000_000;
        assertThat(answered.json().path("events").findValuesAsString("type")).containsExactly("JournalNoteRecorded");
        assertThat(waitedMillis).as("answered when the note came, not at the end of the wait").isLessThan(15_000);
    }

    @Test
    void givenAnAppendStillInFlightAtALowerPositionWhenTheFeedIsReadThenItAnswersOnlyOnceThatAppendHasEnded() throws Exception {
        String caseId = Fixtures.openCase(http);
        String end = end(http.as("anna"));
        CompletableFuture<LedgerHttp.Response> read;
        try (Connection appending = TestDatabase.ownerConnection()) {
            // an append in flight: it holds the append lock and a position, and has not committed
            appending.setAutoCommit(false);
            try (Statement statement = appending.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock_shared(hashtextextended('ledger-append', 0))");
                statement.execute("SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))");
            }
            assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Stored after a lower position.")).status())
                    .isEqualTo(201);

            read = CompletableFuture.supplyAsync(() -> http.as("anna").get("/api/v1/events?after=" + end));
            Thread.sleep(1_500);
            assertThat(read).as("the feed answers before the lower position has settled").isNotDone();
            appending.rollback();
        }

        assertThat(read.get().json().path("events").findValuesAsString("type")).containsExactly("JournalNoteRecorded");
    }

    @Test
    void givenACursorNotGivenOutOrTheAdministratorWhenReadingTheFeedThenItIsRefused() {
        assertThat(http.as("anna").get("/api/v1/events?after=bm90LWEtY3Vyc29y").status()).isEqualTo(400);
        assertThat(http.as("anna").get("/api/v1/events?limit=0").status()).isEqualTo(400);
        assertThat(http.as("anna").get("/api/v1/events?limit=501").status()).isEqualTo(400);
        assertThat(http.as("anna").get("/api/v1/events?wait=31").status()).isEqualTo(400);
        assertThat(http.as("eva").get("/api/v1/events").status()).isEqualTo(403);
    }

    /** The cursor after the last event this reader may see now: pages are followed until one comes back empty. */
    private static String end(LedgerHttp reader) {
        String after = null;
        while (true) {
            JsonNode page = reader.get("/api/v1/events?limit=500" + (after == null ? "" : "&after=" + after)).json();
            String next = page.path("next").asString();
            if (page.path("events").isEmpty() && next.equals(after)) {
                return next;
            }
            after = next;
        }
    }

    /** Every event after the cursor, following next until a page is empty and the cursor stays. */
    private static List<JsonNode> follow(LedgerHttp reader, String after, int limit) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = after;
        while (true) {
            LedgerHttp.Response response = reader.get("/api/v1/events?limit=" + limit + "&after=" + cursor);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode page = response.json();
            page.path("events").forEach(events::add);
            String next = page.path("next").asString();
            if (page.path("events").isEmpty() && next.equals(cursor)) {
                return events;
            }
            cursor = next;
        }
    }
}
