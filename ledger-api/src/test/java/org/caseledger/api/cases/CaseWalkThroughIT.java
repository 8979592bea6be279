package org.caseledger.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One realistic case from a school's report to closure, through the REST API only. */
class CaseWalkThroughIT extends IntegrationTest {

    @Test
    void aSchoolsReportOfConcernLeadsToFamilyTreatmentAndTheCaseIsClosed() {
        String child = Fixtures.registerChild(http);
        Response opened = Fixtures.openCaseOnSchoolReport(http, child);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.field("caseId");
        String reportId = opened.field("reportId");
        String path = "/api/v1/cases/" + caseId;
        assertThat(opened.header("Location")).isEqualTo(path);
        assertThat(opened.header("ETag")).isEqualTo("\"1\"");

        ok(http.as("anna").post(path + "/assessments", Map.of("reportId", reportId, "immediateNeedOfProtection", false,
                "rationale", "Talked with the teacher and the mother the same day; no immediate danger.",
                "occurredAt", "2026-03-02T13:00:00Z")));
        ok(http.as("karin").post(path + "/assignments", Map.of("assignee", "anna.lind", "occurredAt", "2026-03-02T14:00:00Z")));
        ok(http.as("anna").post(path + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2025:400-20kap2",
                "rationale", "The report describes repeated signs of neglect.", "occurredAt", "2026-03-10T09:00:00Z")));
        ok(http.as("anna").post(path + "/child-hearings", Map.of("summary", "Alva talked about school and her little brother.",
                "occurredAt", "2026-03-17T10:00:00Z")));
        String heldVisit = ok(http.as("anna").post(path + "/visits", Map.of("plannedAt", "2026-03-20T09:00:00Z", "place", "HOME",
                "occurredAt", "2026-03-11T09:00:00Z"))).field("visitId");
        String missedVisit = ok(http.as("anna").post(path + "/visits", Map.of("plannedAt", "2026-03-27T09:00:00Z", "place", "OFFICE",
                "occurredAt", "2026-03-11T09:05:00Z"))).field("visitId");
        ok(http.as("anna").post(path + "/visits/" + heldVisit + "/held", Map.of("occurredAt", "2026-03-20T10:00:00Z")));
        ok(http.as("anna").post(path + "/visits/" + missedVisit + "/missed", Map.of("occurredAt", "2026-03-27T09:30:00Z")));
        Response grant = ok(http.as("karin").post(path + "/decisions", Map.of("kind", "GRANT_INTERVENTION",
                "legalBasis", "SFS2025:400-9kap1", "interventionType", "FAMILY_TREATMENT", "appealInformationGiven", true,
                "rationale", "The family needs support with routines; the parents agree.", "occurredAt", "2026-04-14T09:00:00Z")));
        String interventionId = grant.field("interventionId");
        ok(http.as("anna").post(path + "/decisions", Map.of("kind", "CLOSE_INVESTIGATION", "legalBasis", "SFS2025:400-20kap1",
                "rationale", "Investigation complete; family treatment granted.", "occurredAt", "2026-04-14T09:30:00Z")));
        ok(http.as("anna").post(path + "/interventions", Map.of("interventionId", interventionId, "type", "FAMILY_TREATMENT",
                "voluntary", true, "occurredAt", "2026-04-15T09:00:00Z")));
        ok(http.as("anna").post(path + "/interventions/" + interventionId + "/acceptance", Map.of("occurredAt", "2026-04-16T09:00:00Z")));
        ok(http.as("anna").post(path + "/interventions/" + interventionId + "/start", Map.of("occurredAt", "2026-04-22T09:00:00Z")));
        ok(http.as("anna").post(path + "/interventions/" + interventionId + "/follow-ups", Map.of(
                "summary", "Mornings are calmer; Alva eats breakfast at home.", "occurredAt", "2026-06-10T09:00:00Z")));
        String noteId = ok(http.as("anna").post(path + "/notes", Map.of("text", "Home visit: the father said the family moved in 2023.",
                "occurredAt", "2026-03-20T11:00:00Z"))).field("noteId");
        String correctionId = ok(http.as("anna").post(path + "/notes/" + noteId + "/corrections", Map.of(
                "text", "Home visit: the father said the family moved in 2022.", "reason", "Wrong year written down.",
                "occurredAt", "2026-03-21T08:00:00Z"))).field("noteId");
        ok(http.as("anna").post(path + "/interventions/" + interventionId + "/end", Map.of("reason", "Goals reached.",
                "occurredAt", "2026-09-30T09:00:00Z")));
        Response closed = ok(http.as("anna").post(path + "/closure", Map.of("reason", "Support completed; no further concern.",
                "occurredAt", "2026-10-05T09:00:00Z")));
        assertThat(closed.header("ETag")).isEqualTo("\"19\"");

        Response view = http.as("lars").get(path);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.header("ETag")).isEqualTo("\"19\"");
        JsonNode caseView = view.json();
        assertThat(caseView.path("status").asString()).isEqualTo("CLOSED");
        assertThat(caseView.path("child").asString()).isEqualTo(child);
        assertThat(caseView.path("unit").asString()).isEqualTo("vivalla");
        assertThat(caseView.path("assignee").asString()).isEqualTo("anna.lind");
        assertThat(caseView.path("childHeard").asBoolean()).isTrue();
        assertThat(caseView.path("investigation").path("status").asString()).isEqualTo("CLOSED");
        assertThat(caseView.path("investigation").path("openedOn").asString()).isEqualTo("2026-03-10");
        assertThat(caseView.path("investigation").path("deadline").asString()).isEqualTo("2026-07-10");
        assertThat(caseView.path("reports").get(0).path("immediateNeedOfProtection").asBoolean(true)).isFalse();
        assertThat(caseView.path("visits").findValuesAsString("status")).containsExactly("HELD", "MISSED");
        JsonNode intervention = caseView.path("interventions").get(0);
        assertThat(intervention.path("id").asString()).isEqualTo(interventionId);
        assertThat(intervention.path("status").asString()).isEqualTo("ENDED");
        assertThat(intervention.path("granted").asBoolean()).isTrue();
        assertThat(intervention.path("followUps").asInt()).isEqualTo(1);
        JsonNode notes = caseView.path("notes");
        assertThat(notes.get(0).path("correctedBy").get(0).asString()).isEqualTo(correctionId);
        assertThat(notes.get(0).path("text").asString()).contains("2023");
        assertThat(notes.get(1).path("corrects").asString()).isEqualTo(noteId);
        assertThat(caseView.path("decisions").findValuesAsString("kind"))
                .containsExactly("OPEN_INVESTIGATION", "GRANT_INTERVENTION", "CLOSE_INVESTIGATION");
        JsonNode grantDecision = caseView.path("decisions").get(1);
        assertThat(grantDecision.path("decidedBy").asString()).isEqualTo("karin.berg");
        assertThat(grantDecision.path("decidedInRole").asString()).isEqualTo("GROUP_LEADER");
        assertThat(grantDecision.path("delegationRule").asString()).isEqualTo("DO-2.1");
        assertThat(grantDecision.path("appealable").asBoolean()).isTrue();

        Response history = http.as("ivo").get(path + "/history");
        assertThat(history.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        for (JsonNode entry : history.json()) {
            types.add(entry.path("type").asString());
            assertThat(entry.path("sequenceNumber").asLong()).isEqualTo(types.size() - 1);
            JsonNode envelope = entry.path("envelope");
            assertThat(envelope.path("actor").asString()).isIn("anna.lind", "karin.berg");
            assertThat(envelope.path("role").asString()).isIn("SOCIAL_SECRETARY", "GROUP_LEADER");
            assertThat(envelope.path("unit").asString()).isEqualTo("vivalla");
            assertThat(envelope.path("occurredAt").asString()).startsWith("2026-");
            assertThat(envelope.path("recordedAt").asString()).isNotBlank();
            assertThat(envelope.path("correlationId").asString()).isNotBlank();
            assertThat(envelope.path("causationId").asString()).isNotBlank();
        }
        assertThat(types).containsExactly("CaseOpened", "ReportOfConcernReceived", "ProtectionAssessed", "CaseAssigned",
                "DecisionMade", "ChildHeard", "VisitBooked", "VisitBooked", "VisitHeld", "VisitMissed", "DecisionMade",
                "DecisionMade", "InterventionOffered", "InterventionAccepted", "InterventionStarted", "InterventionFollowedUp",
                "JournalNoteRecorded", "JournalNoteCorrected", "InterventionEnded", "CaseClosed");
        assertThat(history.json().get(0).path("data").path("caseNumber").asString()).matches("\\d{4}-\\d{5,7}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT version FROM case_view WHERE case_id = ?::uuid").param(caseId).query(Long.class).optional())
                .contains(19L));
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }

    @Test
    void theReportThatOpensACaseHappenedWhenTheCaseSaysUnlessItSaysOtherwise() {
        String caseId = Fixtures.openCase(http);

        JsonNode report = http.as("anna").get("/api/v1/cases/" + caseId + "/timeline").json().get(1);

        assertThat(report.path("type").asString()).isEqualTo("ReportOfConcernReceived");
        assertThat(report.path("occurredAt").asString()).isEqualTo("2026-03-02T08:20:00Z");
    }
}
