package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ReadModels;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The unit head's caseload, and a rebuild by replay that ends exactly where the live projection was. */
class RebuildAndCaseloadIT extends IntegrationTest {

    @Test
    void caseloadCountsOpenCasesPerAssignedWorkerOfTheUnit() {
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        JsonNode before = caseload("vivalla");
        String first = openCase();
        String second = openCase();
        String third = openCase();
        String closed = openCase();
        openCase();
        assign(first, "anna.lind");
        assign(second, "anna.lind");
        assign(third, "omar.hassan");
        assign(closed, "omar.hassan");
        http.as("anna").post("/api/v1/cases/" + closed + "/closure", Map.of("reason", "Moved away."));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = caseload("vivalla");
            assertThat(after.path("openCases").asLong() - before.path("openCases").asLong()).isEqualTo(4);
            assertThat(after.path("unassigned").asLong() - before.path("unassigned").asLong()).isEqualTo(1);
            assertThat(openCasesOf(after, "anna.lind") - openCasesOf(before, "anna.lind")).isEqualTo(2);
            assertThat(openCasesOf(after, "omar.hassan") - openCasesOf(before, "omar.hassan")).isEqualTo(1);
            List<Long> perWorker = after.path("workers").findValues("openCases").stream().map(JsonNode::asLong).toList();
            assertThat(after.path("spread").path("max").asLong()).isEqualTo(perWorker.stream().mapToLong(Long::longValue).max().orElseThrow());
            assertThat(after.path("spread").path("min").asLong()).isEqualTo(perWorker.stream().mapToLong(Long::longValue).min().orElseThrow());
        });
    }

    @Test
    void theCaseloadOfAnotherUnitIsRefusedToItsStaffButNotToAuditors() {
        assertThat(http.as("anna").get("/api/v1/caseload?unit=central-reception").status()).isEqualTo(403);
        assertThat(http.as("ivo").get("/api/v1/caseload?unit=central-reception").status()).isEqualTo(200);
    }

    @Test
    void rebuiltReadModelsEqualTheLiveOnesRowForRow() {
        String caseId = Fixtures.openCase(http);
        http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Before the rebuild."));
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        Map<String, String> live = ReadModels.rows(jdbc);
        long rows = jdbc.sql("SELECT count(*) FROM case_view").query(Long.class).single();

        LedgerHttp.Response started = ReadModels.rebuild(http);
        assertThat(started.header("Location")).isEqualTo("/api/v1/admin/projections");
        assertThat(http.as("ivo").get("/api/v1/cases/" + caseId).json().path("version").asLong())
                .as("the case view answers while the rebuild runs").isEqualTo(2);

        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        assertThat(jdbc.sql("SELECT count(*) FROM case_view").query(Long.class).single()).isEqualTo(rows);
        ReadModels.assertSameRows(live, ReadModels.rows(jdbc), "the read models rebuilt against the live ones");
    }

    @Test
    void aViewStoredByAnOlderFoldIsFoldedAgainFromItsEventsWhenItsCaseNextChanges() {
        String caseId = Fixtures.openCase(http);
        String path = "/api/v1/cases/" + caseId;
        http.as("anna").post(path + "/visits", Map.of("plannedAt", "2026-04-01T09:00:00Z", "place", "HOME", "occurredAt", "2026-03-03T09:00:00Z"));
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        // Given the view and facts as the fold before business time left them: no fold revision, no booking time
        jdbc.sql("UPDATE case_view SET document = (document - 'foldRevision') #- '{visits,0,bookedAt}' WHERE case_id = ?::uuid")
                .param(caseId).update();
        jdbc.sql("DELETE FROM metric_fact WHERE stream = ? AND metric = 'VISITS_BOOKED'").param(caseId).update();

        assertThat(http.as("anna").get(path).json().path("visits").get(0).path("bookedAt").asString())
                .as("the case view is answered from the events meanwhile").isEqualTo("2026-03-03T09:00:00Z");

        http.as("anna").post(path + "/notes", Map.of("text", "After the upgrade."));
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        assertThat(jdbc.sql("SELECT document #>> '{visits,0,bookedAt}' FROM case_view WHERE case_id = ?::uuid").param(caseId)
                .query(String.class).single()).isEqualTo("2026-03-03T09:00:00Z");
        assertThat(jdbc.sql("SELECT count(*) FROM metric_fact WHERE stream = ? AND metric = 'VISITS_BOOKED'").param(caseId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT document::text FROM case_view WHERE case_id = ?::uuid").param(caseId).query(String.class).single())
                .as("folded again from the events as the processor reads them, personal data sealed").doesNotContain("hungry")
                .doesNotContain("After the upgrade");
    }

    @Test
    void onlyTheAdministratorMayRebuild() {
        assertThat(http.as("lars").post("/api/v1/admin/projections/rebuild", Map.of()).status()).isEqualTo(403);
        assertThat(http.as("ivo").get("/api/v1/admin/projections").status()).isEqualTo(403);
    }

    private JsonNode caseload(String unit) {
        return http.as("lars").get("/api/v1/caseload?unit=" + unit).json();
    }

    private static long openCasesOf(JsonNode caseload, String staffId) {
        for (JsonNode worker : caseload.path("workers")) {
            if (worker.path("staffId").asString().equals(staffId)) {
                return worker.path("openCases").asLong();
            }
        }
        return 0;
    }

    private String openCase() {
        LedgerHttp.Response response = http.as("anna").post("/api/v1/cases", Map.of("origin", "APPLICATION",
                "child", Fixtures.registerChild(http), "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("caseId");
    }

    private void assign(String caseId, String assignee) {
        assertThat(http.as("karin").post("/api/v1/cases/" + caseId + "/assignments", Map.of("assignee", assignee)).status()).isEqualTo(200);
    }
}
