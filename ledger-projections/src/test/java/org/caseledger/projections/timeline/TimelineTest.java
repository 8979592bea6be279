package org.caseledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caseledger.core.cases.ContactChannel;
import org.caseledger.core.cases.ContactId;
import org.caseledger.core.cases.ContactInitiator;
import org.caseledger.core.cases.ContactRecorded;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.LegalBasis;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.law.Validity;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.Role;
import org.caseledger.projections.CaseHistories;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final LegalBasis PRELIMINARY_ASSESSMENT = new LegalBasis(LegalBasisId.of("SFS2025:400-20kap2"), "SFS 2025:400",
            "20 kap. 2 §", "Förhandsbedömning", new Validity(LocalDate.parse("2025-07-01"), null),
            Set.of(DecisionKind.OPEN_INVESTIGATION), false, false);

    private final List<TimelineEntry> timeline = Timeline.of(CaseHistories.familyTreatmentCase(),
            id -> id.equals(PRELIMINARY_ASSESSMENT.id()) ? Optional.of(PRELIMINARY_ASSESSMENT) : Optional.empty());

    @Test
    void everyEventIsOneEntryInOrderWithItsTwoTimesAndWhoRecordedIt() {
        assertThat(timeline).hasSize(12);
        assertThat(timeline).extracting(TimelineEntry::sequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        TimelineEntry grant = timeline.get(7);
        assertThat(grant.actor()).isEqualTo("karin.berg");
        assertThat(grant.role()).isEqualTo("GROUP_LEADER");
        assertThat(grant.recordedAt()).isEqualTo(grant.occurredAt().plusSeconds(3_600));
        assertThat(grant.what()).startsWith("Decision to grant intervention (family treatment) by karin.berg as group leader")
                .contains("appeal information given");
    }

    @Test
    void aDecisionShowsItsLegalBasisInWordsOrItsIdWhenTheCatalogueNoLongerHasIt() {
        assertThat(timeline.get(2).legalBasis()).isEqualTo("SFS 2025:400 20 kap. 2 § – Förhandsbedömning");
        assertThat(timeline.get(7).legalBasis()).isEqualTo("SFS2025:400-9kap1");
        assertThat(timeline.get(0).legalBasis()).isNull();
    }

    @Test
    void aCorrectionStandsBesideTheNoteItCorrectsWhichStaysReadable() {
        TimelineEntry note = timeline.get(5);
        TimelineEntry correction = timeline.get(6);
        assertThat(note.what()).isEqualTo("Journal note: Moved here in 2023.");
        assertThat(note.correctedBy()).isEqualTo(6L);
        assertThat(correction.corrects()).isEqualTo(5L);
        assertThat(correction.what()).isEqualTo("Correction of a journal note (Wrong year.): Moved here in 2022.");
    }

    @Test
    void aContactSaysWhoTookTheInitiativeOrThatItWasNotRecorded() {
        assertThat(Timeline.describe(new ContactRecorded(CaseHistories.CASE, ContactId.random(), ContactChannel.PHONE,
                ContactInitiator.FAMILY, null, "The mother called.", CaseHistories.day(1, "anna.lind", Role.SOCIAL_SECRETARY))))
                .isEqualTo("Contact: phone, initiated by the family: The mother called.");
        assertThat(Timeline.describe(new ContactRecorded(CaseHistories.CASE, ContactId.random(), ContactChannel.COLLABORATION_MEETING,
                ContactInitiator.NOT_RECORDED, PartnerType.SCHOOL, null, CaseHistories.day(2, "anna.lind", Role.SOCIAL_SECRETARY))))
                .isEqualTo("Contact: collaboration meeting with school (who took the initiative was not recorded)");
    }
}
