package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The voluntary-support acceptance rate as a cohort (docs/metrics.md): of the households offered voluntary support
 * in a month, the share that accepted, whenever they accepted. Offers made in January 2022 and accepted in February
 * once made February's rate 2 / 1; nothing else in the test suite happens in 2022.
 */
class VoluntarySupportCohortIT extends IntegrationTest {

    @Test
    void givenOffersInJanuaryAcceptedInFebruaryWhenTheMonthsAreAskedThenEachOfferCountsInItsOwnMonthAndNoRateExceedsOne() {
        LedgerHttp anna = http.as("anna");
        String acceptedLater = offer(anna, "2022-01-10T08:00:00Z", "2022-01-12T09:00:00Z");
        String declined = offer(anna, "2022-01-11T08:00:00Z", "2022-01-13T09:00:00Z");
        String transferredThenAccepted = offer(anna, "2022-01-14T08:00:00Z", "2022-01-17T09:00:00Z");
        String acceptedAtOnce = offer(anna, "2022-02-07T08:00:00Z", "2022-02-08T09:00:00Z");
        answer(anna, acceptedLater, "acceptance", "2022-02-03T09:00:00Z");
        answer(anna, declined, "declination", "2022-01-20T09:00:00Z");
        ok(anna.post(caseOf(transferredThenAccepted) + "/transfers", Map.of("toUnit", "central-reception", "reason", "The family moved.",
                "occurredAt", "2022-01-25T09:00:00Z")));
        answer(anna.as("sara"), transferredThenAccepted, "acceptance", "2022-02-10T09:00:00Z");
        answer(anna, acceptedAtOnce, "acceptance", "2022-02-09T09:00:00Z");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM metric_fact "
                + "WHERE metric = 'HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT' AND day >= '2022-01-01' AND day < '2023-01-01'")
                .query(Long.class).single() == 3);

        JsonNode vivalla = http.as("lars").get("/api/v1/metrics?from=2022-01-01&to=2022-03-01&period=month").json().path("periods");
        JsonNode centralReception = http.as("mia").get("/api/v1/metrics?from=2022-01-01&to=2022-03-01&period=month").json().path("periods");
        JsonNode january = vivalla.get(0).path("figures");
        JsonNode february = vivalla.get(1).path("figures");

        assertThat(january.path("HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT").asLong()).isEqualTo(3);
        assertThat(january.path("OFFERED_HOUSEHOLDS_THAT_ACCEPTED").asLong())
                .as("accepted in February, and one of them after the case moved to another unit").isEqualTo(2);
        assertThat(january.path("VOLUNTARY_SUPPORT_ACCEPTANCE_RATE").asDouble()).isEqualTo(0.6667);
        assertThat(february.path("HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT").asLong()).isEqualTo(1);
        assertThat(february.path("HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT").asLong())
                .as("the acceptances of February, whenever their offer was made").isEqualTo(2);
        assertThat(february.path("OFFERED_HOUSEHOLDS_THAT_ACCEPTED").asLong()).isEqualTo(1);
        assertThat(february.path("VOLUNTARY_SUPPORT_ACCEPTANCE_RATE").asDouble()).as("once 2 / 1").isEqualTo(1.0);
        for (JsonNode period : centralReception) {
            assertThat(period.path("figures").path("OFFERED_HOUSEHOLDS_THAT_ACCEPTED").asLong())
                    .as("an offer counts where it was made, not where it was accepted").isZero();
        }
        assertThat(centralReception.get(1).path("figures").path("HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT").asLong()).isEqualTo(1);
    }

    /** Opens a case of a household of its own on a school's report and offers it voluntary family treatment; the intervention's path. */
    private static String offer(LedgerHttp worker, String receivedAt, String offeredAt) {
        String child = Fixtures.registerChild(worker.anonymous());
        String caseId = ok(worker.post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                "household", UUID.randomUUID().toString(), "receivedAt", receivedAt, "occurredAt", receivedAt,
                "report", Map.of("reporterType", "SCHOOL", "summary", "Worried about the child.", "receivedAt", receivedAt,
                        "occurredAt", receivedAt)))).field("caseId");
        String intervention = ok(worker.post("/api/v1/cases/" + caseId + "/interventions", Map.of("type", "FAMILY_TREATMENT",
                "voluntary", true, "occurredAt", offeredAt))).field("interventionId");
        return "/api/v1/cases/" + caseId + "/interventions/" + intervention;
    }

    private static void answer(LedgerHttp worker, String intervention, String answer, String at) {
        ok(worker.post(intervention + "/" + answer, Map.of("occurredAt", at)));
    }

    private static String caseOf(String intervention) {
        return intervention.substring(0, intervention.indexOf("/interventions/"));
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }
}
