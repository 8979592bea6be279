package org.caseledger.api.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.SyntheticCases;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.projections.readmodels.CaseViewProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The case list and the change feed page correctly at volume: 100,000 case files and one case of 10,000 events, in a
 * database of their own, walked page by page through the links as an integrator would. The read-model processor is
 * stopped: the list pages on the access index (kept as events are appended), the feed on the events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ListsAtVolumeIT {

    /** 20,000 in every build; `-Dlists.cases=100000` walks the volume the figures in docs/api.md were measured at. */
    private static final int CASES = Integer.getInteger("lists.cases", 20_000);
    private static final int EVENTS_OF_ONE_CASE = 10_000;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.another().registerIn(registry);
    }

    @Test
    void givenOneHundredThousandCasesAndACaseOfTenThousandEventsWhenWalkedPageByPageThenEveryCaseAndEventComesOnceInOrder() {
        processing.eventProcessor(CaseViewProjection.PROCESSING_GROUP).ifPresent(EventProcessor::shutDown);
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);
        var longCase = SyntheticCases.history(0, EVENTS_OF_ONE_CASE);
        // A thousand events to a transaction, as a case grows: the access index updates the case's row once per event,
        // and in one transaction each update walks every version of the row the ones before it left.
        for (int from = 0; from < longCase.size(); from += 1_000) {
            var batch = longCase.subList(from, Math.min(from + 1_000, longCase.size()));
            transaction.executeWithoutResult(status -> eventStore.publish(batch));
        }
        String longCasePath = "/api/v1/cases/" + longCase.get(0).getAggregateIdentifier();
        // Case files as the access index holds them, every second pair sharing its last activity, so that the order's
        // tie-break on the case id is walked too.
        jdbc.sql("""
                INSERT INTO case_access (case_id, case_number, unit, child_id, household_id, last_entry_at, opened_at)
                SELECT gen_random_uuid(), '2025-' || lpad(i::text, 6, '0'), CASE WHEN i % 3 = 0 THEN 'central-reception' ELSE 'vivalla' END,
                       gen_random_uuid(), gen_random_uuid(), timestamptz '2025-01-01 00:00Z' + (i / 2) * interval '1 minute',
                       timestamptz '2025-01-01 00:00Z' + (i / 2) * interval '1 minute'
                FROM generate_series(1, ?) i
                """).param(CASES - 1).update();
        long vivalla = jdbc.sql("SELECT count(*) FROM case_access WHERE unit = 'vivalla'").query(Long.class).single();

        long start = System.nanoTime();
        List<JsonNode> everyCase = walk(http.as("ivo"), "/api/v1/cases?limit=200", "cases", "next");
        long listMillis = (System.nanoTime() - start) / 1_000_000;
        List<JsonNode> unitByNumber = walk(http.as("lars"), "/api/v1/cases?limit=200&sort=caseNumber", "cases", "next");
        start = System.nanoTime();
        List<JsonNode> feed = walk(http.as("lars"), "/api/v1/events?limit=500", "events", "next");
        long feedMillis = (System.nanoTime() - start) / 1_000_000;
        List<JsonNode> history = walkLinks(http.as("lars"), longCasePath + "/history?limit=1000");
        start = System.nanoTime();
        List<JsonNode> timeline = walkLinks(http.as("lars"), longCasePath + "/timeline?limit=700");
        long timelineMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(everyCase).hasSize(CASES);
        assertThat(everyCase.stream().map(c -> c.path("caseId").asString()).distinct().count()).isEqualTo(CASES);
        assertThat(everyCase).isSortedAccordingTo(Comparator.comparing((JsonNode c) -> c.path("lastActivityAt").asString())
                .thenComparing(c -> c.path("caseId").asString()).reversed());
        assertThat(unitByNumber).hasSize(Math.toIntExact(vivalla));
        assertThat(unitByNumber).extracting(c -> c.path("caseNumber").asString()).isSorted().doesNotHaveDuplicates();
        assertThat(feed).hasSize(EVENTS_OF_ONE_CASE);
        assertThat(feed).extracting(e -> e.path("event").path("sequenceNumber").asLong())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, EVENTS_OF_ONE_CASE).boxed().toList());
        assertThat(history).extracting(e -> e.path("sequenceNumber").asLong())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, EVENTS_OF_ONE_CASE).boxed().toList());
        assertThat(timeline).hasSize(EVENTS_OF_ONE_CASE);
        assertThat(timeline).extracting(e -> e.path("sequenceNumber").asLong()).doesNotHaveDuplicates();
        System.out.printf("Lists at volume: %d cases listed in pages of 200 in %d ms; a case of %d events followed in the feed in pages "
                + "of 500 in %d ms and its timeline in pages of 700 in %d ms%n", CASES, listMillis, EVENTS_OF_ONE_CASE, feedMillis,
                timelineMillis);
    }

    /** Every entry of a list answered as an array, following its Link header to the page that has none. */
    private static List<JsonNode> walkLinks(LedgerHttp http, String first) {
        List<JsonNode> all = new ArrayList<>();
        for (String path = first; path != null; ) {
            LedgerHttp.Response response = http.get(path);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            response.json().forEach(all::add);
            path = response.nextPage();
        }
        return all;
    }

    /** Every item of every page, from the first to the one whose cursor leads nowhere new. */
    private static List<JsonNode> walk(LedgerHttp http, String first, String items, String nextField) {
        List<JsonNode> all = new ArrayList<>();
        String path = first;
        String previousNext = null;
        while (path != null) {
            LedgerHttp.Response response = http.get(path);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode page = response.json();
            page.path(items).forEach(all::add);
            String next = page.path(nextField).isNull() || page.path(nextField).isMissingNode() ? null : page.path(nextField).asString();
            boolean feedAtItsEnd = page.path(items).isEmpty() && next != null && next.equals(previousNext);
            path = next == null || feedAtItsEnd ? null : response.nextPage();
            previousNext = next;
        }
        return all;
    }
}
