package org.caseledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.ConsentId;
import org.caseledger.core.cases.DisclosureId;
import org.caseledger.core.cases.InformationDisclosed;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.Role;
import org.caseledger.projections.CaseHistories;
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
    void aCorrectionStandsBesideTheNoteItCorrectsWhichStaysReadable() {
        TimelineEntry note = timeline.get(5);
        TimelineEntry correction = timeline.get(6);
        assertThat(note.what()).isEqualTo("what JournalNoteRecorded");
        assertThat(note.correctedBy()).isEqualTo(6L);
        assertThat(correction.corrects()).isEqualTo(5L);
        assertThat(correction.what()).isEqualTo("what JournalNoteCorrected");
    }
}
