package org.caseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.EmbeddedDefault;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ReadModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo history — every kind of event, written through the aggregates, across units, years and staff —
 * rebuilt by replay in large batches gives exactly the read models that live processing built event by event; and
 * its replay, long enough to overlap requests, hands over to live processing without losing what came meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.demo-data.events=5000")
@DirtiesContext
class DemoRebuildIT {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        // Demo data is generated into the embedded default only.
        EmbeddedDefault.registerIn(registry, "demo-rebuild");
    }

    @Test
    void aRebuildOfTheDemoHistoryEqualsTheLiveReadModelsRowForRow() {
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);
        ReadModels.awaitCaughtUp(http, Duration.ofMinutes(2));
        String live = ReadModels.digest(jdbc);
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        long kinds = jdbc.sql("SELECT count(DISTINCT payload_type) FROM domain_event_entry").query(Long.class).single();

        ReadModels.rebuild(http);
        ReadModels.awaitCaughtUp(http, Duration.ofMinutes(2));

        assertThat(events).as("the demo history is about the size asked for").isBetween(4_000L, 6_000L);
        assertThat(kinds).as("kinds of event in the demo history").isGreaterThanOrEqualTo(20);
        assertThat(ReadModels.digest(jdbc)).isEqualTo(live);
    }

    @Test
    void eventsAppendedWhileTheReplayRunsReachTheReadModelsOnceTheProcessorTakesOver() {
        // Given the demo history and three more cases, with the read models caught up
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);
        List<String> cases = List.of(Fixtures.openCase(http), Fixtures.openCase(http), Fixtures.openCase(http));
        ReadModels.awaitCaughtUp(http, Duration.ofMinutes(2));

        // When notes are appended to them while a rebuild replays the history
        ReadModels.rebuild(http);
        note(http, cases.get(0));
        assertThat(http.as("eva").get("/api/v1/admin/projections").json().get(0).path("replaying").asBoolean())
                .as("the first note was appended while the replay ran").isTrue();
        for (String caseId : cases) {
            note(http, caseId);
            note(http, caseId);
        }

        // Then every case view reaches its case's last event, and the read models are those a quiet rebuild gives
        ReadModels.awaitCaughtUp(http, Duration.ofMinutes(2));
        for (String caseId : cases) {
            long events = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(caseId)
                    .query(Long.class).single();
            assertThat(jdbc.sql("SELECT version FROM case_view WHERE case_id = ?::uuid").param(caseId).query(Long.class).single())
                    .as("the version of case " + caseId).isEqualTo(events - 1);
        }
        String afterHandOver = ReadModels.digest(jdbc);
        ReadModels.rebuild(http);
        ReadModels.awaitCaughtUp(http, Duration.ofMinutes(2));
        assertThat(ReadModels.digest(jdbc)).isEqualTo(afterHandOver);
    }

    @Test
    void aSecondRebuildAskedForWhileOneRunsIsRefusedAndTheFirstCompletes() {
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);
        ReadModels.awaitCaughtUp(http, Duration.ofMinutes(2));
        String live = ReadModels.digest(jdbc);

        ReadModels.rebuild(http);
        LedgerHttp.Response second = http.as("eva").post("/api/v1/admin/projections/rebuild?projection=read-models", Map.of());

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        ReadModels.awaitCaughtUp(http, Duration.ofMinutes(2));
        assertThat(ReadModels.digest(jdbc)).isEqualTo(live);
    }

    private static void note(LedgerHttp http, String caseId) {
        LedgerHttp.Response answer = http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Written during the rebuild."));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }
}
