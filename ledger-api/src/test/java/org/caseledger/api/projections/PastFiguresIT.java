package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.ReadModels;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Past figures do not change silently (docs/metrics.md, "Past figures"): the figures as the ledger knew them at an instant
 * are those it answered then, whatever was recorded about those months afterwards; and the figures that tell a no-show
 * recorded as a family's cancellation, and the two paths to support, apart. Each test has a month of 2017 to itself.
 */
class PastFiguresIT extends IntegrationTest {

    private static final String OCTOBER = "/api/v1/metrics?from=2017-09-01&to=2017-12-01";

    @Test
    void givenOctober2017AsFirstRecordedWhenAVisitAndADecisionOfOctoberAreRecordedLaterThenTheFiguresAsOfBeforeAreThoseAnsweredThen()
            throws InterruptedException {
        // Given a case of October 2017, its missed visit recorded, and the figures the ledger answered then
        LedgerHttp anna = http.as("anna");
        Instant beforeTheCase = pause();
        String caseId = Fixtures.openCaseReceivedAt(anna, "2017-10-02T08:00:00Z");
        String path = "/api/v1/cases/" + caseId;
        String missed = ok(anna.post(path + "/visits", Map.of("plannedAt", "2017-10-10T09:00:00Z", "place", "HOME",
                "occurredAt", "2017-10-03T09:00:00Z"))).field("visitId");
        ok(anna.post(path + "/visits/" + missed + "/missed", Map.of("occurredAt", "2017-10-10T10:00:00Z")));
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        JsonNode answeredThen = http.as("lars").get(OCTOBER).json();
        Instant then = pause();

        // When a visit held and an investigation opened in October are recorded afterwards
        String held = ok(anna.post(path + "/visits", Map.of("plannedAt", "2017-10-12T09:00:00Z", "place", "OFFICE",
                "occurredAt", "2017-10-04T09:00:00Z"))).field("visitId");
        ok(anna.post(path + "/visits/" + held + "/held", Map.of("occurredAt", "2017-10-12T10:00:00Z")));
        ok(anna.post(path + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2001:453-11kap1a",
                "rationale", "Repeated signs.", "occurredAt", "2017-10-06T09:00:00Z")));
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        // Then October reads otherwise now, and as of then exactly as it was answered then
        JsonNode now = http.as("lars").get(OCTOBER).json();
        JsonNode asOfThen = http.as("lars").get(OCTOBER + "&asOf=" + then).json();
        assertThat(october(now).path("VISITS_HELD").asLong()).isEqualTo(1);
        assertThat(october(now).path("INVESTIGATIONS_OPENED").asLong()).isEqualTo(1);
        assertThat(october(now).path("MISSED_VISIT_RATE").asDouble()).isEqualTo(0.5);
        assertThat(october(answeredThen).path("MISSED_VISIT_RATE").asDouble()).isEqualTo(1.0);
        assertThat(asOfThen.path("periods")).as("every figure, rate part and breakdown of every month, as answered then")
                .isEqualTo(answeredThen.path("periods"));
        JsonNode beforeAnything = http.as("lars").get(OCTOBER + "&asOf=" + beforeTheCase).json();
        assertThat(october(beforeAnything).path("REPORTS_OF_CONCERN").asLong()).as("nothing of the case was recorded yet").isZero();
        assertThat(october(beforeAnything).path("VISITS_MISSED").asLong()).isZero();
        assertThat(http.as("lars").get(OCTOBER + "&asOf=yesterday").status()).isEqualTo(400);
    }

    @Test
    void givenVisitsHeldMissedAndCancelledWhenTheFiguresAreReadThenTheShareNotHeldCountsTheFamilysCancellationsBesideTheMissedRate() {
        // Given a month with one visit held, one missed, one cancelled by the family and one by the office
        LedgerHttp anna = http.as("anna");
        String path = "/api/v1/cases/" + Fixtures.openCaseReceivedAt(anna, "2017-06-01T08:00:00Z");
        visit(anna, path, "2017-06-05", "held", Map.of());
        visit(anna, path, "2017-06-06", "missed", Map.of());
        visit(anna, path, "2017-06-07", "cancellation", Map.of("cancelledBy", "FAMILY", "reason", "Ill."));
        visit(anna, path, "2017-06-08", "cancellation", Map.of("cancelledBy", "OFFICE", "reason", "Staff ill."));
        // and the case's first support: service support after 9 days, family treatment after an investigation after 60
        start(anna, path, "SERVICE_SUPPORT", "2017-06-10");
        ok(anna.post(path + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2001:453-11kap1a",
                "rationale", "Repeated signs.", "occurredAt", "2017-06-11T09:00:00Z")));
        start(anna, path, "FAMILY_TREATMENT", "2017-07-31");
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));

        // When the unit head reads June and July
        JsonNode report = http.as("lars").get("/api/v1/metrics?from=2017-06-01&to=2017-08-01").json();

        // Then the missed-visit rate leaves the family's cancellation out, the share not held counts it
        JsonNode june = report.path("periods").get(0);
        assertThat(june.path("figures").path("MISSED_VISIT_RATE").asDouble()).isEqualTo(0.5);
        assertThat(june.path("figures").path("SHARE_OF_VISITS_NOT_HELD").asDouble()).isEqualTo(0.6667);
        assertThat(june.path("rates").path("SHARE_OF_VISITS_NOT_HELD").path("numerator").asLong()).isEqualTo(2);
        assertThat(june.path("rates").path("SHARE_OF_VISITS_NOT_HELD").path("denominator").asLong()).isEqualTo(3);
        assertThat(june.path("figures").path("VISITS_CANCELLED").asLong()).isEqualTo(2);
        assertThat(june.path("breakdowns").path("VISITS_CANCELLED").path("FAMILY").asLong()).isEqualTo(1);
        // and each path to support has its own days, each median with its n
        JsonNode july = report.path("periods").get(1);
        assertThat(june.path("figures").path("DAYS_FROM_FIRST_CONTACT_TO_SERVICE_SUPPORT").asDouble()).isEqualTo(9.0);
        assertThat(june.path("medianOf").path("DAYS_FROM_FIRST_CONTACT_TO_SERVICE_SUPPORT").asLong()).isEqualTo(1);
        assertThat(july.path("figures").path("DAYS_FROM_FIRST_CONTACT_TO_SUPPORT_AFTER_INVESTIGATION").asDouble()).isEqualTo(60.0);
        assertThat(july.path("medianOf").path("DAYS_FROM_FIRST_CONTACT_TO_SUPPORT_AFTER_INVESTIGATION").asLong()).isEqualTo(1);
        assertThat(july.path("medianOf").path("DAYS_FROM_FIRST_CONTACT_TO_SERVICE_SUPPORT").asLong()).isZero();
        assertThat(july.path("medianOf").path("DAYS_FROM_FIRST_CONTACT_TO_SUPPORT").asLong()).as("the first start of any support was in June")
                .isZero();
    }

    private static void visit(LedgerHttp anna, String path, String day, String outcome, Map<String, Object> body) {
        String visit = ok(anna.post(path + "/visits", Map.of("plannedAt", day + "T09:00:00Z", "place", "HOME",
                "occurredAt", "2017-06-02T09:00:00Z"))).field("visitId");
        Map<String, Object> outcomeBody = new java.util.HashMap<>(body);
        outcomeBody.put("occurredAt", day + "T10:00:00Z");
        ok(anna.post(path + "/visits/" + visit + "/" + outcome, outcomeBody));
    }

    private void start(LedgerHttp anna, String path, String type, String day) {
        String intervention;
        if (type.equals("SERVICE_SUPPORT")) {
            intervention = ok(anna.post(path + "/interventions", Map.of("type", type, "voluntary", true, "occurredAt", day + "T07:30:00Z")))
                    .field("interventionId");
        } else {
            intervention = ok(http.as("karin").post(path + "/decisions", Map.of("kind", "GRANT_INTERVENTION", "legalBasis", "SFS2001:453-4kap1",
                    "interventionType", type, "appealInformationGiven", true, "rationale", "Routines.",
                    "occurredAt", day + "T07:00:00Z"))).field("interventionId");
            ok(anna.post(path + "/interventions", Map.of("interventionId", intervention, "type", type, "voluntary", true,
                    "occurredAt", day + "T07:30:00Z")));
        }
        ok(anna.post(path + "/interventions/" + intervention + "/acceptance", Map.of("occurredAt", day + "T08:00:00Z")));
        ok(anna.post(path + "/interventions/" + intervention + "/start", Map.of("occurredAt", day + "T09:00:00Z")));
    }

    private static JsonNode october(JsonNode report) {
        return report.path("periods").get(1).path("figures");
    }

    /** An instant between what was recorded before it and what is recorded after. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant instant = Instant.now();
        Thread.sleep(20);
        return instant;
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }
}
