package org.caseledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.ConsentId;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DisclosureId;
import org.caseledger.core.cases.InformationDisclosed;
import org.caseledger.core.cases.JournalNoteRecorded;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.Role;
import org.caseledger.projections.CaseHistories;
import org.caseledger.projections.CaseStory;
import org.caseledger.projections.compliance.ComplianceRule;
import org.caseledger.projections.laterecording.LateRecording;
import org.junit.jupiter.api.Test;

class TimelineTest {

    /** Words that show what the timeline handed over: the event's type, and the provision's id in brackets. */
    private static final TimelineWording WORDS = new TimelineWording() {
        @Override
        public String what(CaseEvent event) {
            return "what " + event.getClass().getSimpleName();
        }

        @Override
        public String legalBasis(LegalBasisId basis) {
            return "basis <" + basis.value() + ">";
        }

        @Override
        public String recordedLate(LateRecording late) {
            return "late " + late.daysAfter() + " " + late.missesTurned();
        }

        @Override
        public String beforeReceipt(long daysBefore) {
            return "before receipt " + daysBefore;
        }
    };

    private final List<TimelineEntry> timeline = Timeline.of(CaseHistories.familyTreatmentCase(), WORDS);

    @Test
    void everyEventIsOneEntryInOrderWithItsWordsItsTwoTimesAndWhoRecordedIt() {
        assertThat(timeline).hasSize(12);
        assertThat(timeline).extracting(TimelineEntry::sequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        TimelineEntry grant = timeline.get(7);
        assertThat(grant.type()).isEqualTo("DecisionMade");
        assertThat(grant.what()).isEqualTo("what DecisionMade");
        assertThat(grant.actor()).isEqualTo("karin.berg");
        assertThat(grant.role()).isEqualTo("GROUP_LEADER");
        assertThat(grant.recordedAt()).isEqualTo(grant.occurredAt().plusSeconds(3_600));
    }

    @Test
    void aDecisionCarriesItsLegalBasisInWordsAndByIdAndOtherEventsNone() {
        assertThat(timeline.get(2).legalBasis()).isEqualTo("basis <SFS2025:400-20kap2>");
        assertThat(timeline.get(2).legalBasisId()).isEqualTo("SFS2025:400-20kap2");
        assertThat(timeline.get(7).legalBasisId()).isEqualTo("SFS2025:400-9kap1");
        assertThat(timeline.get(0).legalBasis()).isNull();
        assertThat(timeline.get(0).legalBasisId()).isNull();
    }

    @Test
    void givenANoteAboutTheDaysBeforeTheCaseWasReceivedThenItsEntrySaysHowManyDaysBeforeAndTheCasesOwnFactsSayNothing() {
        List<CaseEvent> history = new ArrayList<>(CaseHistories.familyTreatmentCase());
        history.add(new JournalNoteRecorded(CaseHistories.CASE, NoteId.random(), "The school nurse called before she wrote.",
                CaseHistories.day(-3, "anna.lind", Role.SOCIAL_SECRETARY)));

        List<TimelineEntry> entries = Timeline.of(history, WORDS);

        TimelineEntry note = entries.get(entries.size() - 1);
        assertThat(note.beforeReceipt()).isEqualTo(new TimelineEntry.BeforeReceipt(3, "before receipt 3"));
        assertThat(entries.subList(0, entries.size() - 1)).extracting(TimelineEntry::beforeReceipt).containsOnlyNulls();
    }

    @Test
    void aDisclosureUnderAProvisionCarriesTheProvisionAndOneWithConsentNone() {
        List<TimelineEntry> disclosures = Timeline.of(List.of(
                new InformationDisclosed(CaseHistories.CASE, DisclosureId.random(), PartnerType.SCHOOL, "Vivallaskolan", null,
                        LegalBasisId.of("SFS2009:400-10kap28"), "Attendance.", CaseHistories.day(1, "anna.lind", Role.SOCIAL_SECRETARY)),
                new InformationDisclosed(CaseHistories.CASE, DisclosureId.random(), PartnerType.SCHOOL, "Vivallaskolan", ConsentId.random(),
                        null, "Attendance.", CaseHistories.day(2, "anna.lind", Role.SOCIAL_SECRETARY))), WORDS);

        assertThat(disclosures.get(0).legalBasis()).isEqualTo("basis <SFS2009:400-10kap28>");
        assertThat(disclosures.get(1).legalBasis()).isNull();
    }

    @Test
    void givenAHearingRecordedFiveWeeksLateThatTurnedAMissWhenTheTimelineIsBuiltThenItsEntryIsMarkedAndNoOtherIs() {
        List<TimelineEntry> entries = Timeline.of(CaseStory.recorded(
                CaseStory.opened(CaseStory.VIVALLA, "2025-09-01"),
                CaseStory.openInvestigation(DecisionId.of("2a7c8d9e-1111-4a57-9c1f-2b7e5d9a6c30"), CaseStory.on("2025-09-02")),
                CaseStory.closeInvestigation(DecisionId.of("2a7c8d9e-2222-4a57-9c1f-2b7e5d9a6c30"), CaseStory.on("2025-10-01")),
                CaseStory.childHeard(CaseStory.when("2025-09-15", "2025-10-20"))), WORDS);

        assertThat(entries.subList(0, 3)).extracting(TimelineEntry::recordedLate).containsOnlyNulls();
        TimelineEntry.RecordedLate late = entries.get(3).recordedLate();
        assertThat(late.daysAfter()).isEqualTo(35);
        assertThat(late.missesTurned()).containsExactly(ComplianceRule.CHILD_HEARD);
        assertThat(late.what()).isEqualTo("late 35 [CHILD_HEARD]");
    }

    @Test
    void aCorrectionStandsBesideTheNoteItCorrectsWhichStaysReadable() {
        TimelineEntry note = timeline.get(5);
        TimelineEntry correction = timeline.get(6);
        assertThat(note.what()).isEqualTo("what JournalNoteRecorded");
        assertThat(note.correctedBy()).isEqualTo(6L);
        assertThat(correction.corrects()).isEqualTo(5L);
        assertThat(correction.what()).isEqualTo("what JournalNoteCorrected");
    }
}
