package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.Pages;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ReadModels;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A case transferred with an open deadline takes it along: the receiving unit's head sees it among the unit's deadlines,
 * the worker the receiving unit assigns sees it among theirs, and no one who may not open the case any longer is shown
 * it — not the old unit's head, not the worker it was assigned to there (docs/metrics.md, "Units").
 */
class DeadlinesFollowTheCaseIT extends IntegrationTest {

    private static final String PRELIMINARY = "PRELIMINARY_ASSESSMENT_IN_14_DAYS";

    @Test
    void aTransferredCaseTakesItsOpenFourteenDayCheckToTheReceivingUnitAndItsAssignee() {
        // Given a case on a report received yesterday, assigned in the local office, its 14-day check open
        String received = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        LedgerHttp.Response opened = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN",
                "child", Fixtures.registerChild(http), "household", UUID.randomUUID().toString(), "receivedAt", received,
                "occurredAt", received, "report", Map.of("reporterType", "POLICE", "summary", "Found alone at night.",
                        "receivedAt", received, "occurredAt", received)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.field("caseId");
        String path = "/api/v1/cases/" + caseId;
        ok(http.as("karin").post(path + "/assignments", Map.of("assignee", "anna.lind")));
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        assertThat(checksOf(Pages.all(http.as("lars"), "/api/v1/deadlines"), caseId)).containsExactly(PRELIMINARY + " vivalla anna.lind PENDING");
        long unassignedBefore = http.as("mia").get("/api/v1/caseload").json().path("unassigned").asLong();

        // When the local office transfers it to the central reception
        ok(http.as("anna").post(path + "/transfers", Map.of("toUnit", "central-reception", "reason", "The family moved.")));
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        // Then the receiving unit's head has it, unassigned, and the old unit and its worker no longer do
        assertThat(checksOf(Pages.all(http.as("mia"), "/api/v1/deadlines"), caseId)).containsExactly(PRELIMINARY + " central-reception - PENDING");
        assertThat(http.as("mia").get("/api/v1/caseload").json().path("unassigned").asLong()).isEqualTo(unassignedBefore + 1);
        assertThat(checksOf(Pages.all(http.as("lars"), "/api/v1/deadlines"), caseId)).isEmpty();
        assertThat(checksOf(Pages.all(http.as("lars"), "/api/v1/deadlines?assignee=anna.lind"), caseId)).isEmpty();
        assertThat(checksOf(Pages.all(http.as("anna"), "/api/v1/deadlines?assignee=anna.lind"), caseId)).isEmpty();
        assertThat(http.as("anna").get(path).status()).as("the old unit's worker may no longer open the case").isEqualTo(403);
        assertThat(http.as("mia").get("/api/v1/cases?assignee=anna.lind").json().findValuesAsString("caseId"))
                .as("the receiving unit's case list names no worker of the old unit").doesNotContain(caseId);
        assertThat(http.as("lars").get("/api/v1/deadlines?unit=central-reception").status()).isEqualTo(403);

        // And once the receiving unit assigns it, its worker has it too, and may open it
        ok(http.as("mia").post(path + "/assignments", Map.of("assignee", "sara.ek")));
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        assertThat(checksOf(Pages.all(http.as("sara"), "/api/v1/deadlines?assignee=sara.ek"), caseId))
                .containsExactly(PRELIMINARY + " central-reception sara.ek PENDING");
        assertThat(checksOf(Pages.all(http.as("mia"), "/api/v1/deadlines"), caseId)).containsExactly(PRELIMINARY + " central-reception sara.ek PENDING");
        assertThat(http.as("sara").get(path).status()).isEqualTo(200);
        assertThat(checksOf(Pages.all(http.as("ivo"), "/api/v1/deadlines?unit=central-reception"), caseId)).hasSize(1);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString();
        String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();
        String since = java.time.LocalDate.parse(today).minusDays(3).toString();
        JsonNode compliance = http.as("mia").get("/api/v1/compliance?from=" + since + "&to=" + tomorrow).json();
        for (JsonNode rule : compliance) {
            if (rule.path("rule").asString().equals(PRELIMINARY)) {
                assertThat(rule.path("pending").asLong()).as("the open check is pending in the receiving unit's figures").isPositive();
            }
        }
        long pending = 0;
        for (JsonNode period : http.as("mia").get("/api/v1/metrics?from=" + since + "&to=" + tomorrow).json().path("periods")) {
            pending += period.path("rates").path("COMPLIANCE_" + PRELIMINARY).path("pending").asLong();
        }
        assertThat(pending).as("and beside the rate it is left out of").isPositive();
    }

    @Test
    void aMissSettledBeforeATransferStaysWithTheOldUnitWhoseHeadIsToldItIsThereButNotShownTheCase() {
        // Given a report of March 2019 decided on too late in the local office, and the case then transferred
        String received = "2019-03-04T09:00:00Z";
        LedgerHttp.Response opened = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN",
                "child", Fixtures.registerChild(http), "household", UUID.randomUUID().toString(), "receivedAt", received,
                "occurredAt", received, "report", Map.of("reporterType", "SCHOOL", "summary", "Often absent.",
                        "receivedAt", received, "occurredAt", received)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.field("caseId");
        ok(http.as("karin").post("/api/v1/cases/" + caseId + "/decisions", Map.of("kind", "DO_NOT_OPEN_INVESTIGATION",
                "legalBasis", "SFS2001:453-11kap1a", "rationale", "Handled at school.", "occurredAt", "2019-03-25T09:00:00Z")));
        ok(http.as("anna").post("/api/v1/cases/" + caseId + "/transfers", Map.of("toUnit", "central-reception", "reason", "Moved.",
                "occurredAt", "2019-04-01T09:00:00Z")));
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        // Then the miss counts where it happened; its head is told of it, and shown no case he may not open
        JsonNode local = rule(http.as("lars").get("/api/v1/compliance?from=2019-03-01&to=2019-04-01").json(), PRELIMINARY);
        assertThat(local.path("checked").asLong() - local.path("met").asLong()).isEqualTo(1);
        assertThat(local.path("misses").findValuesAsString("caseId")).doesNotContain(caseId);
        assertThat(local.path("missesNotShown").asLong()).isEqualTo(1);
        JsonNode audited = rule(http.as("ivo").get("/api/v1/compliance?from=2019-03-01&to=2019-04-01&unit=vivalla").json(), PRELIMINARY);
        assertThat(audited.path("misses").findValuesAsString("caseId")).containsExactly(caseId);
        assertThat(audited.path("missesNotShown").asLong()).isZero();
        assertThat(rule(http.as("mia").get("/api/v1/compliance?from=2019-03-01&to=2019-04-01").json(), PRELIMINARY).path("checked").asLong())
                .as("a settled check stays with the unit of its time").isZero();
    }

    private static JsonNode rule(JsonNode compliance, String rule) {
        for (JsonNode result : compliance) {
            if (result.path("rule").asString().equals(rule)) {
                return result;
            }
        }
        throw new AssertionError("no rule " + rule + " in " + compliance);
    }

    /** The case's open checks in a deadline list, as rule, unit, assignee and status. */
    private static List<String> checksOf(JsonNode deadlines, String caseId) {
        List<String> checks = new ArrayList<>();
        for (JsonNode entry : deadlines) {
            if (entry.path("caseId").asString().equals(caseId) && !entry.path("rule").asString().equals("PROTECTION_ASSESSMENT_IN_TIME")) {
                String assignee = entry.path("assignee").isString() ? entry.path("assignee").asString() : "-";
                checks.add(entry.path("rule").asString() + " " + entry.path("unit").asString() + " " + assignee + " "
                        + entry.path("status").asString());
            }
        }
        return checks;
    }

    private static void ok(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
