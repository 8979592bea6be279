package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
        String unit = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String first = openCaseIn(unit);
        String second = openCaseIn(unit);
        String third = openCaseIn(unit);
        String closed = openCaseIn(unit);
        openCaseIn(unit);
        assign(first, "anna.lind");
        assign(second, "anna.lind");
        assign(third, "omar.hassan");
        assign(closed, "omar.hassan");
        http.as("anna").post("/api/cases/" + closed + "/closure", Map.of("reason", "Moved away."));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode caseload = http.as("lars").get("/api/caseload?unit=" + unit).json();
            assertThat(caseload.path("openCases").asLong()).isEqualTo(4);
            assertThat(caseload.path("unassigned").asLong()).isEqualTo(1);
            assertThat(caseload.path("workers").findValuesAsString("staffId")).containsExactly("anna.lind", "omar.hassan");
            assertThat(caseload.path("workers").get(0).path("openCases").asLong()).isEqualTo(2);
            assertThat(caseload.path("spread").path("max").asLong()).isEqualTo(2);
            assertThat(caseload.path("spread").path("min").asLong()).isEqualTo(1);
            assertThat(caseload.path("spread").path("mean").asDouble()).isEqualTo(1.5);
        });
    }

    @Test
    void rebuiltReadModelsEqualTheLiveOnesRowForRow() {
        String caseId = Fixtures.openCase(http);
        http.as("anna").post("/api/cases/" + caseId + "/notes", Map.of("text", "Before the rebuild."));
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        String live = ReadModels.digest(jdbc);
        long rows = jdbc.sql("SELECT count(*) FROM case_view").query(Long.class).single();

        LedgerHttp.Response started = ReadModels.rebuild(http);
        assertThat(started.header("Location")).isEqualTo("/api/admin/projections");
        assertThat(http.as("ivo").get("/api/cases/" + caseId).json().path("version").asLong())
                .as("the case view answers while the rebuild runs").isEqualTo(2);

        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        assertThat(jdbc.sql("SELECT count(*) FROM case_view").query(Long.class).single()).isEqualTo(rows);
        assertThat(ReadModels.digest(jdbc)).isEqualTo(live);
    }

    @Test
    void onlyTheAdministratorMayRebuild() {
        assertThat(http.as("lars").post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(403);
        assertThat(http.as("ivo").get("/api/admin/projections").status()).isEqualTo(403);
    }

    private String openCaseIn(String unit) {
        LedgerHttp.Response response = http.as("anna").post("/api/cases", Map.of("unit", unit, "origin", "APPLICATION",
                "child", UUID.randomUUID().toString(), "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("caseId");
    }

    private void assign(String caseId, String assignee) {
        assertThat(http.as("karin").post("/api/cases/" + caseId + "/assignments", Map.of("assignee", assignee)).status()).isEqualTo(200);
    }
}
