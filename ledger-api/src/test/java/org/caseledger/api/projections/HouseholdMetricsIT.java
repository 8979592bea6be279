package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The household figures count the households the children live in, as their membership records it (docs/metrics.md,
 * "Households"): two siblings whose cases were opened under different household ids, recorded later as children of one
 * household, are one household offered voluntary support; as the ledger knew it before the membership was recorded,
 * two. Nothing else in the test suite happens in April 2016.
 */
class HouseholdMetricsIT extends IntegrationTest {

    private static final String APRIL = "/api/v1/metrics?from=2016-04-01&to=2016-05-01&period=month";

    @Test
    void givenSiblingsWithCasesUnderTwoHouseholdIdsWhenTheirHouseholdIsRecordedThenTheyCountAsOneHouseholdFromThen() {
        LedgerHttp anna = http.as("anna");
        String alva = Fixtures.registerChild(http);
        String bo = Fixtures.registerChild(http);
        offerAndAccept(anna, alva);
        offerAndAccept(anna, bo);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(april().path("HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT").asLong()).isEqualTo(2));
        assertThat(april().path("HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT").asLong()).as("two household ids, nothing else known").isEqualTo(2);
        Instant beforeTheHousehold = Instant.now();

        String household = UUID.randomUUID().toString();
        for (String child : List.of(alva, bo)) {
            assertThat(anna.post("/api/v1/households/" + household + "/members", Map.of("person", child, "relation", "CHILD",
                    "occurredAt", "2016-01-01T00:00:00Z")).status()).isEqualTo(201);
        }

        JsonNode figures = april();
        assertThat(figures.path("HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT").asLong()).isEqualTo(1);
        assertThat(figures.path("HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT").asLong()).isEqualTo(1);
        assertThat(figures.path("OFFERED_HOUSEHOLDS_THAT_ACCEPTED").asLong()).isEqualTo(1);
        assertThat(figures.path("VOLUNTARY_SUPPORT_ACCEPTANCE_RATE").asDouble()).isEqualTo(1.0);
        assertThat(figures.path("INTERVENTIONS_GRANTED").asLong()).as("figures of cases, not of households, do not change").isZero();
        assertThat(subjects(http.as("lars").get("/api/v1/metrics/households-offered-voluntary-support/cases?from=2016-04-01&to=2016-05-01")
                .json())).as("the drill-down names the household each offer counts for").containsExactly(household, household);

        JsonNode asKnownBefore = http.as("lars").get(APRIL + "&asOf=" + beforeTheHousehold).json().path("periods").get(0).path("figures");
        assertThat(asKnownBefore.path("HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT").asLong()).as("as the ledger knew it then").isEqualTo(2);
        assertThat(asKnownBefore.path("OFFERED_HOUSEHOLDS_THAT_ACCEPTED").asLong()).isEqualTo(2);

        assertThat(anna.post("/api/v1/households/" + household + "/members/" + bo + "/departure",
                Map.of("occurredAt", "2016-04-02T10:00:00Z")).status()).isEqualTo(200);
        assertThat(april().path("HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT").asLong())
                .as("Bo had left before the offer: it went to the household of his case again").isEqualTo(2);
    }

    private JsonNode april() {
        return http.as("lars").get(APRIL).json().path("periods").get(0).path("figures");
    }

    /** A case of a household of its own, received on 1 April 2016, offered voluntary family treatment on the 5th, accepted on the 6th. */
    private static void offerAndAccept(LedgerHttp worker, String child) {
        String caseId = worker.post("/api/v1/cases", Map.of("origin", "APPLICATION", "child", child, "household", UUID.randomUUID().toString(),
                "receivedAt", "2016-04-01T08:00:00Z", "occurredAt", "2016-04-01T08:00:00Z")).field("caseId");
        String intervention = worker.post("/api/v1/cases/" + caseId + "/interventions", Map.of("type", "FAMILY_TREATMENT", "voluntary", true,
                "occurredAt", "2016-04-05T09:00:00Z")).field("interventionId");
        assertThat(worker.post("/api/v1/cases/" + caseId + "/interventions/" + intervention + "/acceptance",
                Map.of("occurredAt", "2016-04-06T09:00:00Z")).status()).isIn(200, 201);
    }

    private static List<String> subjects(JsonNode facts) {
        List<String> subjects = new ArrayList<>();
        facts.forEach(fact -> subjects.add(fact.path("subject").asString()));
        return subjects;
    }
}
