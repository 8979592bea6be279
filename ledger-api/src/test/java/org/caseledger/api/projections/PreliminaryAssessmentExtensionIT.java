package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The fourteen days of the preliminary assessment, extended for special reasons over HTTP, as compliance counts it. */
class PreliminaryAssessmentExtensionIT extends IntegrationTest {

    private static final String REASON = "The police report the school refers to is awaited.";

    @Test
    void givenAReportWhenTheAssessmentIsExtendedInTimeThenALateDecisionWithinTheExtensionIsMetAndShowsTheReason() {
        String caseId = Fixtures.openCaseReceivedAt(http, "2026-03-02T08:15:00Z");
        String path = "/api/v1/cases/" + caseId;

        Response extended = http.as("anna").post(path + "/decisions", Map.of("kind", "EXTEND_PRELIMINARY_ASSESSMENT",
                "legalBasis", "SFS2025:400-20kap2", "assessmentExtendedUntil", "2026-03-27", "rationale", REASON,
                "occurredAt", "2026-03-12T09:00:00Z"));
        assertThat(extended.status()).as(extended.toString()).isEqualTo(201);
        decideNotToInvestigate(path, "2026-03-22T09:00:00Z");

        JsonNode check = assessment(path);
        assertThat(check.path("status").asString()).isEqualTo("MET");
        assertThat(check.path("dueOn").asString()).isEqualTo("2026-03-27");
        assertThat(check.path("extensionReasons").get(0).asString()).isEqualTo(REASON);
        assertThat(http.as("anna").get(path + "/timeline").text()).contains("Förlänga förhandsbedömningen").contains("2026-03-27");
    }

    @Test
    void givenAnExtensionDecidedAfterTheFourteenDaysWhenTheDecisionComesWithinItThenTheAssessmentIsMissed() {
        String caseId = Fixtures.openCaseReceivedAt(http, "2026-03-02T08:15:00Z");
        String path = "/api/v1/cases/" + caseId;

        assertThat(http.as("anna").post(path + "/decisions", Map.of("kind", "EXTEND_PRELIMINARY_ASSESSMENT",
                "legalBasis", "SFS2025:400-20kap2", "assessmentExtendedUntil", "2026-03-27", "rationale", REASON,
                "occurredAt", "2026-03-18T09:00:00Z")).status()).isEqualTo(201);
        decideNotToInvestigate(path, "2026-03-22T09:00:00Z");

        JsonNode check = assessment(path);
        assertThat(check.path("status").asString()).isEqualTo("MISSED");
        assertThat(check.path("dueOn").asString()).isEqualTo("2026-03-16");
        assertThat(check.path("extensionReasons")).isEmpty();
    }

    @Test
    void givenTheDecisionWhetherToInvestigateWasMadeWhenTheAssessmentIsExtendedThenItIsRefusedWithItsRule() {
        String caseId = Fixtures.openCaseReceivedAt(http, "2026-03-02T08:15:00Z");
        String path = "/api/v1/cases/" + caseId;
        decideNotToInvestigate(path, "2026-03-05T09:00:00Z");

        Response refused = http.as("anna").post(path + "/decisions", Map.of("kind", "EXTEND_PRELIMINARY_ASSESSMENT",
                "legalBasis", "SFS2025:400-20kap2", "assessmentExtendedUntil", "2026-03-27", "rationale", REASON));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.field("rule")).isEqualTo("NO_ASSESSMENT_PENDING");
    }

    private void decideNotToInvestigate(String path, String at) {
        Response decided = http.as("lars").post(path + "/decisions", Map.of("kind", "DO_NOT_OPEN_INVESTIGATION",
                "legalBasis", "SFS2025:400-20kap2", "rationale", "No cause for an investigation.", "occurredAt", at));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
    }

    private JsonNode assessment(String path) {
        for (JsonNode check : http.as("anna").get(path + "/compliance").json()) {
            if (check.path("rule").asString().equals("PRELIMINARY_ASSESSMENT_IN_14_DAYS")) {
                return check;
            }
        }
        throw new AssertionError("no check of the preliminary assessment");
    }
}
