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
        String live = ReadModels.digest(jdbc);
        long rows = jdbc.sql("SELECT count(*) FROM case_view").query(Long.class).single();

        LedgerHttp.Response started = ReadModels.rebuild(http);
        assertThat(started.header("Location")).isEqualTo("/api/v1/admin/projections");
        assertThat(http.as("ivo").get("/api/v1/cases/" + caseId).json().path("version").asLong())
                .as("the case view answers while the rebuild runs").isEqualTo(2);

        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        assertThat(jdbc.sql("SELECT count(*) FROM case_view").query(Long.class).single()).isEqualTo(rows);
        assertThat(ReadModels.digest(jdbc)).isEqualTo(live);
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
                "child", UUID.randomUUID().toString(), "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("caseId");
    }

    private void assign(String caseId, String assignee) {
        assertThat(http.as("karin").post("/api/v1/cases/" + caseId + "/assignments", Map.of("assignee", assignee)).status()).isEqualTo(200);
    }
}
