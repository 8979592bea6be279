package org.caseledger.projections.caseview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.ChildHeard;
import org.caseledger.core.cases.ContactChannel;
import org.caseledger.core.cases.ContactId;
import org.caseledger.core.cases.ContactInitiator;
import org.caseledger.core.cases.ContactRecorded;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.DelegationRuleId;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.projections.CaseHistories;
import org.junit.jupiter.api.Test;

class CaseViewFoldTest {

    private final List<CaseEvent> history = CaseHistories.familyTreatmentCase();

    @Test
    void foldingAWholeHistoryGivesTheCaseAsItEnded() {
        CaseView view = CaseViewFold.fold(history);

        assertThat(view.status).isEqualTo("CLOSED");
        assertThat(view.caseNumber).isEqualTo("2026-00042");
        assertThat(view.version).isEqualTo(11);
        assertThat(view.currentInvestigation().status).as("closing the case ends its investigation").isEqualTo("CLOSED");
        assertThat(view.currentInvestigation().closedOn).hasToString("2026-06-10");
        assertThat(view.currentInvestigation().deadline).hasToString("2026-07-04");
        assertThat(view.visits).singleElement().satisfies(visit -> assertThat(visit.status).isEqualTo("MISSED"));
        assertThat(view.interventions).singleElement().satisfies(intervention -> {
            assertThat(intervention.status).isEqualTo("STARTED");
            assertThat(intervention.granted).isTrue();
        });
        assertThat(view.notes).hasSize(2);
        assertThat(view.notes.get(0).correctedBy).containsExactly(CaseHistories.CORRECTION.toString());
        assertThat(view.notes.get(1).corrects).isEqualTo(CaseHistories.NOTE.toString());
        assertThat(view.closure.reason).isEqualTo("Support completed.");
    }

    @Test
    void aViewStoredAndReadBackBetweenEveryEventEndsEqualToThePureFold() throws Exception {
        ObjectMapper json = new ProjectionJson().mapper();
        List<CaseEvent> investigated = new java.util.ArrayList<>(history.subList(0, history.size() - 1));
        investigated.add(new ChildHeard(CaseHistories.CASE, "Talked at school.", CaseHistories.day(20, "anna.lind", Role.SOCIAL_SECRETARY)));
        investigated.add(new DecisionMade(CaseHistories.CASE, DecisionId.random(), DecisionKind.CLOSE_INVESTIGATION,
                LegalBasisId.of("SFS2025:400-20kap1"), DelegationRuleId.of("DO-1.4"), StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY,
                LocalDate.parse("2026-04-01"), "Done.", false, false, null, null, null, CaseHistories.day(30, "anna.lind", Role.SOCIAL_SECRETARY)));
        investigated.add(history.get(history.size() - 1));
        CaseView stored = new CaseView();
        long sequence = 0;
        for (CaseEvent event : investigated) {
            stored = json.readValue(json.writeValueAsString(stored), CaseView.class);
            CaseViewFold.apply(stored, event, sequence++);
        }

        assertThat(json.writeValueAsString(stored)).isEqualTo(json.writeValueAsString(CaseViewFold.fold(investigated)));
        assertThat(stored.currentInvestigation().status).isEqualTo("CLOSED");
        assertThat(stored.currentInvestigation().childHeardOn).hasToString("2026-03-22");
    }

    @Test
    void anEventAtOrBelowTheViewsVersionIsIgnoredSoReplayingIsHarmless() {
        CaseView view = CaseViewFold.fold(history.subList(0, 5));
        String before = view.visits.get(0).status;

        CaseViewFold.apply(view, history.get(3), 3);

        assertThat(view.version).isEqualTo(4);
        assertThat(view.visits).hasSize(1);
        assertThat(view.visits.get(0).status).isEqualTo(before);
    }

    @Test
    void whatWasRecordedByAnInstantIsThePrefixOfTheStreamRecordedByThen() {
        Instant afterTheMissedVisitWasRecorded = history.get(4).envelope().recordedAt();

        List<CaseEvent> known = CaseViewFold.recordedBy(history, afterTheMissedVisitWasRecorded);

        assertThat(known).hasSize(5);
        assertThat(CaseViewFold.recordedBy(history, afterTheMissedVisitWasRecorded.minusMillis(1))).hasSize(4);
        assertThat(CaseViewFold.recordedBy(history, Instant.parse("2020-01-01T00:00:00Z"))).isEmpty();
        CaseView then = CaseViewFold.fold(known);
        assertThat(then.status).isEqualTo("OPEN");
        assertThat(then.visits.get(0).status).isEqualTo("MISSED");
        assertThat(then.interventions).isEmpty();
    }

    @Test
    void steppingToAnEventGivesTheCaseRightAfterIt() {
        assertThat(CaseViewFold.fold(CaseViewFold.upToSequence(history, 7)).interventions.get(0).status).isEqualTo("GRANTED");
        assertThat(CaseViewFold.fold(CaseViewFold.upToSequence(history, 8)).interventions.get(0).status).isEqualTo("OFFERED");
        assertThat(CaseViewFold.upToSequence(history, 99)).hasSize(history.size());
        assertThat(CaseViewFold.upToSequence(history, Long.MAX_VALUE)).hasSize(history.size());
    }

    @Test
    void aContactShowsItsPartnerTypeAndWhoTookTheInitiative() {
        List<CaseEvent> withContacts = new java.util.ArrayList<>(history.subList(0, 2));
        withContacts.add(new ContactRecorded(CaseHistories.CASE, ContactId.random(), ContactChannel.PHONE, ContactInitiator.FAMILY,
                null, "The mother called.", CaseHistories.day(1, "anna.lind", Role.SOCIAL_SECRETARY)));
        withContacts.add(new ContactRecorded(CaseHistories.CASE, ContactId.random(), ContactChannel.COLLABORATION_MEETING,
                ContactInitiator.NOT_RECORDED, PartnerType.SCHOOL, null, CaseHistories.day(2, "anna.lind", Role.SOCIAL_SECRETARY)));

        CaseView view = CaseViewFold.fold(withContacts);

        assertThat(view.contacts).extracting(contact -> contact.channel, contact -> contact.partner, contact -> contact.initiatedBy)
                .containsExactly(tuple("PHONE", null, "FAMILY"), tuple("COLLABORATION_MEETING", "SCHOOL", "NOT_RECORDED"));
    }
}
