package org.caseledger.projections.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.InterventionAccepted;
import org.caseledger.core.shared.Role;
import org.caseledger.projections.CaseHistories;
import org.caseledger.projections.caseview.CaseViewFold;
import org.junit.jupiter.api.Test;

class MetricFactsTest {

    @Test
    void aHandcraftedCaseGivesTheKnownFacts() {
        List<MetricFact> facts = factsOf(CaseHistories.familyTreatmentCase());

        assertThat(facts).extracting(fact -> fact.metric().name()).containsExactlyInAnyOrder(
                "REPORTS_OF_CONCERN", "INVESTIGATIONS_OPENED", "REPORTS_LEADING_TO_INVESTIGATION", "VISITS_BOOKED", "VISITS_MISSED",
                "INTERVENTIONS_GRANTED", "HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT", "HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT",
                "VOLUNTARY_OFFERS_ACCEPTED", "DAYS_FROM_FIRST_CONTACT_TO_SUPPORT");
        assertThat(only(facts, Metric.REPORTS_OF_CONCERN).dimension()).isEqualTo("SCHOOL");
        assertThat(only(facts, Metric.REPORTS_LEADING_TO_INVESTIGATION).day()).as("a report counts in the period it was received")
                .hasToString("2026-03-02");
        assertThat(only(facts, Metric.VISITS_BOOKED).day()).as("a visit is booked the day it was booked, not planned").hasToString("2026-03-05");
        MetricFact daysToSupport = only(facts, Metric.DAYS_FROM_FIRST_CONTACT_TO_SUPPORT);
        assertThat(daysToSupport.day()).hasToString("2026-03-17");
        assertThat(daysToSupport.value()).isEqualByComparingTo(BigDecimal.valueOf(15));
        assertThat(facts).allSatisfy(fact -> assertThat(fact.unit()).isEqualTo("vivalla"));
    }

    @Test
    void givenAVoluntaryOfferInMarchWhenItIsAcceptedInAprilThenTheAcceptanceCountsInAprilAndItsCohortFactInMarch() {
        List<CaseEvent> history = new ArrayList<>();
        for (CaseEvent event : CaseHistories.familyTreatmentCase()) {
            if (event instanceof InterventionAccepted) {
                break;
            }
            history.add(event);
        }
        history.add(new InterventionAccepted(CaseHistories.CASE, CaseHistories.INTERVENTION,
                CaseHistories.day(35, "anna.lind", Role.SOCIAL_SECRETARY)));

        List<MetricFact> facts = factsOf(history);

        MetricFact offered = only(facts, Metric.HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT);
        MetricFact accepting = only(facts, Metric.HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT);
        MetricFact cohort = only(facts, Metric.VOLUNTARY_OFFERS_ACCEPTED);
        assertThat(offered.day()).hasToString("2026-03-15");
        assertThat(accepting.day()).as("the acceptance counts when it happened").hasToString("2026-04-06");
        assertThat(cohort.day()).as("the cohort fact is dated by the offer it answers").isEqualTo(offered.day());
        assertThat(cohort.dimension()).isEqualTo(offered.dimension()).isEqualTo("FAMILY_TREATMENT");
        assertThat(cohort.subject()).isEqualTo(offered.subject());
        assertThat(cohort.caseId()).isEqualTo(offered.caseId());
    }

    private static List<MetricFact> factsOf(List<CaseEvent> history) {
        return MetricFacts.of(CaseViewFold.fold(history));
    }

    private static MetricFact only(List<MetricFact> facts, Metric metric) {
        List<MetricFact> of = facts.stream().filter(fact -> fact.metric() == metric).toList();
        assertThat(of).as(metric.name()).hasSize(1);
        return of.get(0);
    }
}
