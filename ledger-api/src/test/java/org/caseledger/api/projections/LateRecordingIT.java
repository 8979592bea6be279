package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.Pages;
import org.caseledger.api.support.ReadModels;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Late recording is visible (docs/metrics.md, "Late recording"): a hearing recorded long after it happened, which turned
 * the investigation's missed child-heard check into a pass, is marked on the case's timeline and listed for the legal
 * review, to the unit head and the auditor only, each case listed logged as read.
 */
class LateRecordingIT extends IntegrationTest {

    @Test
    void givenAnInvestigationOf2016ClosedWithoutHearingTheChildWhenTheHearingIsRecordedTodayThenTheTimelineAndTheReviewShowItTurnedTheMiss() {
        // Given an investigation of September 2016, closed with the child not heard
        LedgerHttp anna = http.as("anna");
        String caseId = Fixtures.openCaseReceivedAt(anna, "2016-09-01T08:00:00Z");
        String path = "/api/v1/cases/" + caseId;
        ok(anna.post(path + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2001:453-11kap1a",
                "rationale", "Repeated signs.", "occurredAt", "2016-09-02T09:00:00Z")));
        ok(anna.post(path + "/decisions", Map.of("kind", "CLOSE_INVESTIGATION", "legalBasis", "SFS2001:453-11kap1",
                "rationale", "Done.", "occurredAt", "2016-10-01T09:00:00Z")));

        // When the hearing of 15 September 2016 is recorded today
        ok(anna.post(path + "/child-hearings", Map.of("summary", "Talked at school.", "occurredAt", "2016-09-15T09:00:00Z")));
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        // Then its timeline entry says so, in Swedish and in English, as do those of the two decisions, recorded just as
        // late, each of which turned the miss it answers: the opening the 14-day assessment, the closing the four months
        JsonNode timeline = anna.get(path + "/timeline").json();
        List<JsonNode> marked = new ArrayList<>();
        timeline.forEach(entry -> {
            if (entry.path("recordedLate").isObject()) {
                marked.add(entry);
            }
        });
        assertThat(marked).extracting(entry -> entry.path("type").asString() + " " + entry.path("recordedLate").path("missesTurned"))
                .containsExactly("DecisionMade [\"PRELIMINARY_ASSESSMENT_IN_14_DAYS\"]", "DecisionMade [\"INVESTIGATION_IN_4_MONTHS\"]",
                        "ChildHeard [\"CHILD_HEARD\"]");
        assertThat(timeline.get(0).path("recordedLate").isObject()).as("the case opened on time is not marked").isFalse();
        JsonNode hearing = marked.get(2);
        assertThat(hearing.path("type").asString()).isEqualTo("ChildHeard");
        assertThat(hearing.path("recordedLate").path("missesTurned").get(0).asString()).isEqualTo("CHILD_HEARD");
        assertThat(hearing.path("recordedLate").path("daysAfter").asLong()).isGreaterThan(3000);
        assertThat(hearing.path("recordedLate").path("what").asString()).startsWith("Registrerades ")
                .contains("vände en avvikelse till uppfyllt krav: Barnet har kommit till tals");
        JsonNode english = anna.header("Accept-Language", "en").get(path + "/timeline").json();
        assertThat(english.get(hearing.path("sequenceNumber").asInt()).path("recordedLate").path("what").asString())
                .contains("turned a miss into a pass");

        // and the legal review lists it, for the unit head and the auditor, each case logged as read, and not for a case worker
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        String review = "/api/v1/audit/late-recordings?missesTurned=true&from=" + today + "&to=" + LocalDate.parse(today).plusDays(1);
        long logged = loggedReads(caseId);
        List<JsonNode> listed = ofCase(Pages.all(http.as("lars"), review), caseId);
        assertThat(listed).extracting(late -> late.path("type").asString()).containsExactly("DecisionMade", "DecisionMade", "ChildHeard");
        assertThat(listed.get(2).path("missesTurned").get(0).asString()).isEqualTo("CHILD_HEARD");
        assertThat(listed.get(2).path("unit").asString()).isEqualTo("vivalla");
        assertThat(listed.get(0).path("decisionKind").asString()).isEqualTo("OPEN_INVESTIGATION");
        assertThat(loggedReads(caseId)).as("the case listed is logged as read").isGreaterThan(logged);
        assertThat(ofCase(Pages.all(http.as("ivo"), review + "&unit=vivalla"), caseId)).hasSize(3);
        assertThat(http.as("anna").get(review).status()).isEqualTo(403);
        assertThat(http.as("mia").get(review).json().findValuesAsString("caseId")).as("another unit's head").doesNotContain(caseId);
    }

    private long loggedReads(String caseId) {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE case_id = ?::uuid AND what = 'late recordings'").param(caseId)
                .query(Long.class).single();
    }

    private static List<JsonNode> ofCase(JsonNode list, String caseId) {
        List<JsonNode> entries = new ArrayList<>();
        list.forEach(entry -> {
            if (entry.path("caseId").asString().equals(caseId)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }
}
