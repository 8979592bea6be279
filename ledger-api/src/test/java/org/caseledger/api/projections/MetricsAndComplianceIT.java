package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.LedgerHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A handcrafted February 2024 at the local office, recorded through the API with the dates things happened, and
 * the figures it must give: every metric and every compliance rule has a known answer here (docs/metrics.md).
 * Nothing else in the test suite happens in early 2024, so the period holds only this history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsAndComplianceIT extends IntegrationTest {

    private String caseA;
    private String caseB;

    @BeforeAll
    void february2024() {
        LedgerHttp anna = new LedgerHttp("http://localhost:" + port()).as("anna");
        LedgerHttp karin = anna.as("karin");
        String household = UUID.randomUUID().toString();

        caseA = openOn(anna, "SCHOOL", "2024-02-05T08:00:00Z", household);
        String pathA = "/api/v1/cases/" + caseA;
        String reportA = history(anna, caseA).get(1).path("data").path("reportId").asString();
        ok(anna.post(pathA + "/assessments", Map.of("reportId", reportA, "immediateNeedOfProtection", false, "rationale", "Safe at home.",
                "occurredAt", "2024-02-05T14:00:00Z")));
        ok(karin.post(pathA + "/assignments", Map.of("assignee", "lars.nilsson", "occurredAt", "2024-02-06T08:00:00Z")));
        ok(anna.post(pathA + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2001:453-11kap1a",
                "rationale", "Repeated signs.", "occurredAt", "2024-02-12T09:00:00Z")));
        String held = ok(anna.post(pathA + "/visits", Map.of("plannedAt", "2024-02-20T09:00:00Z", "place", "HOME",
                "occurredAt", "2024-02-13T09:00:00Z"))).field("visitId");
        String missed = ok(anna.post(pathA + "/visits", Map.of("plannedAt", "2024-02-21T09:00:00Z", "place", "OFFICE",
                "occurredAt", "2024-02-14T09:00:00Z"))).field("visitId");
        ok(anna.post(pathA + "/visits/" + held + "/held", Map.of("occurredAt", "2024-02-20T10:00:00Z")));
        ok(anna.post(pathA + "/visits/" + missed + "/missed", Map.of("occurredAt", "2024-02-21T10:00:00Z")));
        String intervention = ok(karin.post(pathA + "/decisions", Map.of("kind", "GRANT_INTERVENTION", "legalBasis", "SFS2001:453-4kap1",
                "interventionType", "FAMILY_TREATMENT", "appealInformationGiven", true, "rationale", "Routines.",
                "occurredAt", "2024-02-26T09:00:00Z"))).field("interventionId");
        ok(anna.post(pathA + "/interventions", Map.of("interventionId", intervention, "type", "FAMILY_TREATMENT", "voluntary", true,
                "occurredAt", "2024-02-27T09:00:00Z")));
        ok(anna.post(pathA + "/interventions/" + intervention + "/acceptance", Map.of("occurredAt", "2024-02-28T09:00:00Z")));
        ok(anna.post(pathA + "/interventions/" + intervention + "/start", Map.of("occurredAt", "2024-03-04T09:00:00Z")));

        caseB = openOn(anna, "POLICE", "2024-02-10T08:00:00Z", UUID.randomUUID().toString());
        String pathB = "/api/v1/cases/" + caseB;
        String reportB = history(anna, caseB).get(1).path("data").path("reportId").asString();
        ok(anna.post(pathB + "/assessments", Map.of("reportId", reportB, "immediateNeedOfProtection", false, "rationale", "Late.",
                "occurredAt", "2024-02-13T09:00:00Z")));
        ok(anna.post(pathB + "/contacts", Map.of("channel", "COLLABORATION_MEETING", "initiatedBy", "PARTNER", "partner", "POLICE",
                "occurredAt", "2024-02-15T09:00:00Z")));
        ok(karin.post(pathB + "/decisions", Map.of("kind", "DO_NOT_OPEN_INVESTIGATION", "legalBasis", "SFS2001:453-11kap1a",
                "rationale", "Handled with the family.", "occurredAt", "2024-02-28T09:00:00Z")));

        ok(anna.post("/api/v1/outreach/anonymous-consultations", Map.of("topic", "PARENTING", "occurredAt", "2024-02-02T15:00:00Z")));
        ok(anna.post("/api/v1/outreach/information-meetings", Map.of("audience", "Parents at Vivallaskolan", "participants", 23,
                "topics", List.of("What we do"), "occurredAt", "2024-02-08T17:00:00Z")));
        ok(anna.post("/api/v1/outreach/conversations-without-aid", Map.of("household", household, "occurredAt", "2024-02-09T10:00:00Z")));
        ok(anna.post("/api/v1/outreach/service-support", Map.of("household", household, "kind", "TRANSPORT", "occurredAt", "2024-02-09T13:00:00Z")));

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM case_view WHERE case_id IN (?::uuid, ?::uuid) "
                + "AND version >= 12").params(caseA, caseB).query(Long.class).single() == 1
                && jdbc.sql("SELECT count(*) FROM metric_fact WHERE metric = 'SERVICE_SUPPORT_GIVEN' AND day = '2024-02-09'")
                .query(Long.class).single() == 1
                && jdbc.sql("SELECT version FROM case_view WHERE case_id = ?::uuid").param(caseB).query(Long.class).single() == 4);
    }

    @Test
    void everyMetricOfFebruaryHasItsKnownValueAndMarchHasTheDaysToSupport() {
        JsonNode report = http.as("lars").get("/api/v1/metrics?from=2024-01-01&to=2024-04-01&period=month&baseline=2023-01-01..2024-01-01").json();
        JsonNode january = report.path("periods").get(0).path("figures");
        JsonNode february = report.path("periods").get(1).path("figures");
        JsonNode march = report.path("periods").get(2).path("figures");

        assertThat(report.path("periods")).hasSize(3);
        assertThat(january.path("REPORTS_OF_CONCERN").asLong()).isZero();
        assertThat(february.path("REPORTS_OF_CONCERN").asLong()).isEqualTo(2);
        assertThat(report.path("periods").get(1).path("breakdowns").path("REPORTS_OF_CONCERN").path("SCHOOL").asLong()).isEqualTo(1);
        assertThat(report.path("periods").get(1).path("breakdowns").path("REPORTS_OF_CONCERN").path("POLICE").asLong()).isEqualTo(1);
        assertThat(february.path("REPORTS_LEADING_TO_INVESTIGATION").asLong()).isEqualTo(1);
        assertThat(february.path("SHARE_OF_REPORTS_LEADING_TO_INVESTIGATION").asDouble()).isEqualTo(0.5);
        assertThat(february.path("INVESTIGATIONS_OPENED").asLong()).isEqualTo(1);
        assertThat(february.path("INTERVENTIONS_GRANTED").asLong()).isEqualTo(1);
        assertThat(february.path("HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT").asLong()).isEqualTo(1);
        assertThat(february.path("HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT").asLong()).isEqualTo(1);
        assertThat(february.path("VOLUNTARY_SUPPORT_ACCEPTANCE_RATE").asDouble()).isEqualTo(1.0);
        assertThat(february.path("VISITS_BOOKED").asLong()).isEqualTo(2);
        assertThat(february.path("VISITS_HELD").asLong()).isEqualTo(1);
        assertThat(february.path("VISITS_MISSED").asLong()).isEqualTo(1);
        assertThat(february.path("MISSED_VISIT_RATE").asDouble()).isEqualTo(0.5);
        assertThat(february.path("COLLABORATION_CONTACTS").asLong()).isEqualTo(1);
        assertThat(february.path("ANONYMOUS_CONSULTATIONS").asLong()).isEqualTo(1);
        assertThat(february.path("INFORMATION_MEETINGS").asLong()).isEqualTo(1);
        assertThat(february.path("INFORMATION_MEETING_PARTICIPANTS").asLong()).isEqualTo(23);
        assertThat(february.path("CONVERSATIONS_WITHOUT_AID").asLong()).isEqualTo(1);
        assertThat(february.path("SERVICE_SUPPORT_GIVEN").asLong()).isEqualTo(1);
        assertThat(february.path("COMPLIANCE_PROTECTION_ASSESSMENT_IN_TIME").asDouble()).isEqualTo(0.5);
        assertThat(february.path("COMPLIANCE_PRELIMINARY_ASSESSMENT_IN_14_DAYS").asDouble()).isEqualTo(0.5);
        assertThat(february.path("COMPLIANCE_APPEAL_INFORMATION_GIVEN").asDouble()).isEqualTo(1.0);
        assertThat(march.path("DAYS_FROM_FIRST_CONTACT_TO_SUPPORT").asDouble()).isEqualTo(28.0);
        JsonNode rates = report.path("periods").get(1).path("rates");
        assertThat(rates.path("MISSED_VISIT_RATE").path("numerator").asLong()).isEqualTo(1);
        assertThat(rates.path("MISSED_VISIT_RATE").path("denominator").asLong()).isEqualTo(2);
        assertThat(rates.path("MISSED_VISIT_RATE").path("pending").isNumber()).as("a rate of facts counted on their own day").isFalse();
        assertThat(rates.path("COMPLIANCE_PROTECTION_ASSESSMENT_IN_TIME").path("numerator").asLong()).isEqualTo(1);
        assertThat(rates.path("COMPLIANCE_PROTECTION_ASSESSMENT_IN_TIME").path("denominator").asLong()).isEqualTo(2);
        assertThat(rates.path("COMPLIANCE_PROTECTION_ASSESSMENT_IN_TIME").path("pending").asLong()).isZero();
        assertThat(rates.path("COMPLIANCE_INVESTIGATION_IN_4_MONTHS").path("denominator").asLong()).as("overdue counts as missed").isEqualTo(1);
        assertThat(report.path("baseline").path("figures").path("REPORTS_OF_CONCERN").asDouble()).isZero();
        assertThat(report.path("periods").get(1).path("change").path("REPORTS_OF_CONCERN").path("absolute").asDouble()).isEqualTo(2.0);
    }

    @Test
    void theCasesBehindAFigureAndBehindEveryComplianceMissCanBeListed() {
        JsonNode reports = http.as("lars").get("/api/v1/metrics/reports-of-concern/cases?from=2024-02-01&to=2024-03-01").json();
        assertThat(reports.findValuesAsString("caseId")).containsExactlyInAnyOrder(caseA, caseB);

        JsonNode compliance = http.as("ivo").get("/api/v1/compliance?from=2024-02-01&to=2024-03-01&unit=vivalla").json();
        JsonNode protection = rule(compliance, "PROTECTION_ASSESSMENT_IN_TIME");
        assertThat(protection.path("checked").asLong()).isEqualTo(2);
        assertThat(protection.path("met").asLong()).isEqualTo(1);
        assertThat(protection.path("pending").asLong()).isZero();
        assertThat(protection.path("missesNotShown").asLong()).isZero();
        assertThat(protection.path("misses").findValuesAsString("caseId")).containsExactly(caseB);
        JsonNode investigation = rule(compliance, "INVESTIGATION_IN_4_MONTHS");
        assertThat(investigation.path("misses").get(0).path("caseId").asString()).isEqualTo(caseA);
        assertThat(investigation.path("misses").get(0).path("status").asString()).isEqualTo("OVERDUE");
        assertThat(investigation.path("misses").get(0).path("dueOn").asString()).isEqualTo("2024-06-12");
        assertThat(rule(compliance, "CHILD_HEARD").path("misses").findValuesAsString("caseId")).containsExactly(caseA);
    }

    @Test
    void theDeadlinesOfACaseWorkerListWhatIsOverdue() {
        JsonNode deadlines = http.as("lars").get("/api/v1/deadlines?assignee=lars.nilsson").json();
        assertThat(deadlines.findValuesAsString("rule")).contains("INVESTIGATION_IN_4_MONTHS", "CHILD_HEARD");
        assertThat(deadlines.findValuesAsString("status")).containsOnly("OVERDUE");
        assertThat(deadlines.findValuesAsString("caseId")).containsOnly(caseA);
    }

    @Test
    void badRangesAndUnknownMetricsAreProblems() {
        assertThat(http.as("lars").get("/api/v1/metrics?from=2024-03-01&to=2024-01-01").status()).isEqualTo(400);
        assertThat(http.as("lars").get("/api/v1/metrics?from=2024-01-01&to=2024-03-01&period=week").status()).isEqualTo(400);
        assertThat(http.as("lars").get("/api/v1/metrics?from=2024-01-01&to=2024-03-01&baseline=2023").status()).isEqualTo(400);
        assertThat(http.as("lars").get("/api/v1/metrics/no-such-metric/cases?from=2024-01-01&to=2024-03-01").status()).isEqualTo(404);
    }

    private static JsonNode rule(JsonNode compliance, String rule) {
        for (JsonNode result : compliance) {
            if (result.path("rule").asString().equals(rule)) {
                return result;
            }
        }
        throw new AssertionError("no rule " + rule + " in " + compliance);
    }

    private static String openOn(LedgerHttp anna, String reporter, String at, String household) {
        String child = Fixtures.registerChild(anna.anonymous());
        return ok(anna.post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child, "household", household,
                "receivedAt", at, "occurredAt", at, "report", Map.of("reporterType", reporter, "summary", "Worried about the child.",
                        "receivedAt", at, "occurredAt", at)))).field("caseId");
    }

    private static JsonNode history(LedgerHttp anna, String caseId) {
        return anna.get("/api/v1/cases/" + caseId + "/history").json();
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }
}
