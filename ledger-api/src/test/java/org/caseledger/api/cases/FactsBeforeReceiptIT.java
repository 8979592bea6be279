package org.caseledger.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Over HTTP: a case received on 2 March 2026 takes a journal note about the days before it, marked as such on the
 * timeline in both languages, and refuses a decision dated before it; no case is received before its child was born.
 */
class FactsBeforeReceiptIT extends IntegrationTest {

    private static final String RECEIVED = "2026-03-02T08:15:00Z";

    @Test
    void givenACaseWhenANoteTellsOfTheDaysBeforeItThenItIsRecordedAndTheTimelineSaysHowLongBeforeTheCaseItHappened() {
        String path = "/api/v1/cases/" + Fixtures.openCaseReceivedAt(http, RECEIVED);

        Response note = http.as("anna").post(path + "/notes", Map.of("text", "The school nurse called on Friday, before she wrote the report.",
                "occurredAt", "2026-02-27T13:00:00Z"));

        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        JsonNode swedish = last(http.as("anna").get(path + "/timeline").json());
        assertThat(swedish.path("beforeReceipt").path("daysBefore").asLong()).isEqualTo(3);
        assertThat(swedish.path("beforeReceipt").path("what").asString()).startsWith("Hände 3 dagar innan ärendet togs emot");
        assertThat(last(http.as("anna").get(path + "/timeline?lang=en").json()).path("beforeReceipt").path("what").asString())
                .startsWith("Happened 3 days before the case was received");
        assertThat(http.as("anna").get(path + "/timeline").json().get(0).has("beforeReceipt"))
                .as("the case's own opening is not before itself").isFalse();
    }

    @Test
    void givenACaseWhenADecisionIsDatedBeforeTheDayItWasReceivedThenItIsRefusedWithTheRuleAndNothingIsStored() {
        String path = "/api/v1/cases/" + Fixtures.openCaseReceivedAt(http, RECEIVED);
        long before = storedEvents();

        Response decided = http.as("lars").post(path + "/decisions", Map.of("kind", "DO_NOT_OPEN_INVESTIGATION",
                "legalBasis", "SFS2025:400-20kap2", "rationale", "No cause for an investigation.", "occurredAt", "2026-03-01T09:00:00Z"));

        assertThat(decided.status()).as(decided.toString()).isEqualTo(409);
        assertThat(decided.json().path("rule").asString()).isEqualTo("BEFORE_CASE_RECEIVED");
        assertThat(decided.json().path("detail").asString()).contains("journalanteckning");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenAChildBornOnTenthOfMarchWhenACaseIsOpenedOnAReportReceivedOnTheSecondThenItIsRefusedAsBeforeBirth() {
        Response child = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(LocalDate.of(2026, 3, 10)),
                "name", "Elsa Exempel"));
        assertThat(child.status()).as(child.toString()).isEqualTo(201);
        long before = storedEvents();

        Response opened = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child.field("personId"),
                "household", UUID.randomUUID().toString(), "receivedAt", RECEIVED, "occurredAt", RECEIVED,
                "report", Map.of("reporterType", "SCHOOL", "summary", "Worried about the child.", "receivedAt", RECEIVED, "occurredAt", RECEIVED)));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(400);
        assertThat(opened.json().path("errors").toString()).contains("receivedAt");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private static JsonNode last(JsonNode timeline) {
        return timeline.get(timeline.size() - 1);
    }
}
