package org.caseledger.projections.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CancelledBy;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.cases.InterventionAccepted;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.InterventionOffered;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.cases.VisitCancelled;
import org.caseledger.core.cases.VisitId;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.DelegationRuleId;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.projections.CaseHistories;
import org.caseledger.projections.CaseStory;
import org.caseledger.projections.caseview.CaseViewFold;
import org.junit.jupiter.api.Test;

class MetricFactsTest {

    @Test
    void aHandcraftedCaseGivesTheKnownFacts() {
        List<MetricFact> facts = factsOf(CaseHistories.familyTreatmentCase());

        assertThat(facts).extracting(fact -> fact.metric().name()).containsExactlyInAnyOrder(
                "REPORTS_OF_CONCERN", "INVESTIGATIONS_OPENED", "REPORTS_LEADING_TO_INVESTIGATION", "VISITS_BOOKED", "VISITS_MISSED",
                "INTERVENTIONS_GRANTED", "HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT", "HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT",
                "VOLUNTARY_OFFERS_ACCEPTED", "DAYS_FROM_FIRST_CONTACT_TO_SUPPORT", "DAYS_FROM_FIRST_CONTACT_TO_SUPPORT_AFTER_INVESTIGATION");
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

    @Test
    void givenServiceSupportAfter10DaysAndFamilyTreatmentAfter100DaysWhenTheFactsAreDerivedThenEachPathCountsItsOwnFirstStart() {
        InterventionId service = InterventionId.of("7b2d3e4f-aaaa-4a57-9c1f-2b7e5d9a6c30");
        InterventionId treatment = InterventionId.of("7b2d3e4f-bbbb-4a57-9c1f-2b7e5d9a6c30");
        List<CaseEvent> history = CaseStory.recorded(
                CaseStory.opened(CaseStory.VIVALLA, "2025-07-01"),
                CaseStory.offered(service, CaseStory.on("2025-07-05")),
                CaseStory.accepted(service, CaseStory.on("2025-07-06")),
                CaseStory.started(service, CaseStory.on("2025-07-11")),
                CaseStory.openInvestigation(DecisionId.of("2a7c8d9e-aaaa-4a57-9c1f-2b7e5d9a6c30"), CaseStory.on("2025-07-12")),
                granted(treatment, CaseStory.on("2025-09-01")),
                new InterventionOffered(CaseStory.CASE, treatment, InterventionType.FAMILY_TREATMENT, true, CaseStory.on("2025-09-02")),
                CaseStory.accepted(treatment, CaseStory.on("2025-09-03")),
                CaseStory.started(treatment, CaseStory.on("2025-10-09")));

        List<MetricFact> facts = factsOf(history);

        assertThat(only(facts, Metric.DAYS_FROM_FIRST_CONTACT_TO_SUPPORT).value()).as("the first start of any support")
                .isEqualByComparingTo(BigDecimal.valueOf(10));
        MetricFact serviceSupport = only(facts, Metric.DAYS_FROM_FIRST_CONTACT_TO_SERVICE_SUPPORT);
        assertThat(serviceSupport.value()).isEqualByComparingTo(BigDecimal.valueOf(10));
        assertThat(serviceSupport.day()).hasToString("2025-07-11");
        MetricFact afterInvestigation = only(facts, Metric.DAYS_FROM_FIRST_CONTACT_TO_SUPPORT_AFTER_INVESTIGATION);
        assertThat(afterInvestigation.value()).as("the path after an investigation is not hidden behind the earlier service support")
                .isEqualByComparingTo(BigDecimal.valueOf(100));
        assertThat(afterInvestigation.day()).hasToString("2025-10-09");
        assertThat(afterInvestigation.dimension()).isEqualTo("FAMILY_TREATMENT");
    }

    @Test
    void givenVisitsCancelledByTheFamilyAndByTheOfficeWhenTheFactsAreDerivedThenEachCancellationCountsWithWhoCancelledIt() {
        VisitId byFamily = VisitId.of("8c3e4f5a-aaaa-4a57-9c1f-2b7e5d9a6c30");
        VisitId byOffice = VisitId.of("8c3e4f5a-bbbb-4a57-9c1f-2b7e5d9a6c30");
        List<CaseEvent> history = CaseStory.recorded(
                CaseStory.opened(CaseStory.VIVALLA, "2025-07-01"),
                CaseStory.visitBooked(byFamily, "2025-07-10", CaseStory.on("2025-07-02")),
                CaseStory.visitBooked(byOffice, "2025-07-11", CaseStory.on("2025-07-02")),
                new VisitCancelled(CaseStory.CASE, byFamily, CancelledBy.FAMILY, "Ill.", CaseStory.on("2025-07-09")),
                new VisitCancelled(CaseStory.CASE, byOffice, CancelledBy.OFFICE, "Staff ill.", CaseStory.on("2025-07-10")));

        List<MetricFact> facts = factsOf(history);

        assertThat(facts).filteredOn(fact -> fact.metric() == Metric.VISITS_CANCELLED)
                .extracting(MetricFact::subject, MetricFact::dimension, fact -> fact.day().toString())
                .containsExactlyInAnyOrder(tuple(byFamily.toString(), "FAMILY", "2025-07-09"), tuple(byOffice.toString(), "OFFICE", "2025-07-10"));
        assertThat(facts).noneMatch(fact -> fact.metric() == Metric.VISITS_MISSED || fact.metric() == Metric.VISITS_HELD);
    }

    private static DecisionMade granted(InterventionId intervention, Envelope when) {
        return new DecisionMade(CaseStory.CASE, DecisionId.of("3b8d9e0f-aaaa-4a57-9c1f-2b7e5d9a6c30"), DecisionKind.GRANT_INTERVENTION,
                LegalBasisId.of("SFS2025:400-9kap1"), DelegationRuleId.of("DO-2.1"), StaffId.of("karin.berg"), Role.GROUP_LEADER,
                LedgerTime.dayOf(when.occurredAt()), "Support with routines.", true, true, intervention, InterventionType.FAMILY_TREATMENT,
                null, when);
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
