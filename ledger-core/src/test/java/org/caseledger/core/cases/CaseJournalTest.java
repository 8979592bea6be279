package org.caseledger.core.cases;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseledger.core.cases.CaseFixtures.CASE_ID;
import static org.caseledger.core.cases.CaseFixtures.caseFixture;
import static org.caseledger.core.cases.CaseFixtures.caseOpened;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.PartnerType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Journal notes, their corrections (rättelse), and contacts. */
class CaseJournalTest {

    private static final NoteId NOTE = NoteId.of("c0000000-0000-4000-8000-000000000001");
    private static final NoteId CORRECTION = NoteId.of("c0000000-0000-4000-8000-000000000002");
    private static final NoteId SECOND_CORRECTION = NoteId.of("c0000000-0000-4000-8000-000000000003");
    private static final ContactId CONTACT = ContactId.of("e0000000-0000-4000-8000-000000000001");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = caseFixture();
    }

    @Test
    void recordingAJournalNoteRecordsItsText() {
        Envelope envelope = at("2025-09-02T14:00:00Z");

        fixture.given(caseOpened())
                .when(new RecordJournalNote(CASE_ID, NOTE, "phone call with the mother", envelope))
                .expectEvents(new JournalNoteRecorded(CASE_ID, NOTE, "phone call with the mother", envelope));
    }

    @Test
    void aNoteIdCanBeUsedOnlyOnce() {
        fixture.given(caseOpened(), noteRecorded())
                .when(new RecordJournalNote(CASE_ID, NOTE, "another note", at("2025-09-03T14:00:00Z")))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
    }

    @Test
    void aCorrectionPointsAtTheOriginalNote() {
        Envelope envelope = at("2025-09-03T08:00:00Z");

        fixture.given(caseOpened(), noteRecorded())
                .when(new CorrectJournalNote(CASE_ID, CORRECTION, NOTE, "phone call with the father", "wrong parent named",
                        envelope))
                .expectEvents(new JournalNoteCorrected(CASE_ID, CORRECTION, NOTE, "phone call with the father",
                        "wrong parent named", envelope));
    }

    @Test
    void correctingANoteThatIsNotInTheCaseIsRejected() {
        fixture.given(caseOpened(), noteRecorded())
                .when(new CorrectJournalNote(CASE_ID, CORRECTION, NoteId.of("c0000000-0000-4000-8000-000000000099"), "text",
                        "reason", at("2025-09-03T08:00:00Z")))
                .expectException(violates(LedgerRule.NOTE_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void aCorrectionCannotPointAtItself() {
        fixture.given(caseOpened())
                .when(new CorrectJournalNote(CASE_ID, CORRECTION, CORRECTION, "text", "reason", at("2025-09-03T08:00:00Z")))
                .expectException(violates(LedgerRule.NOTE_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void aCorrectionCanItselfBeCorrected() {
        Envelope envelope = at("2025-09-04T08:00:00Z");

        fixture.given(caseOpened(), noteRecorded(), corrected())
                .when(new CorrectJournalNote(CASE_ID, SECOND_CORRECTION, CORRECTION, "phone call with both parents",
                        "both were on the line", envelope))
                .expectEvents(new JournalNoteCorrected(CASE_ID, SECOND_CORRECTION, CORRECTION, "phone call with both parents",
                        "both were on the line", envelope));
    }

    @Test
    void aCorrectionCannotReuseTheIdOfAnExistingNote() {
        fixture.given(caseOpened(), noteRecorded(), corrected())
                .when(new CorrectJournalNote(CASE_ID, CORRECTION, NOTE, "text", "reason", at("2025-09-04T08:00:00Z")))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
    }

    @Test
    void aNoteCannotReuseTheIdOfACorrection() {
        fixture.given(caseOpened(), noteRecorded(), corrected())
                .when(new RecordJournalNote(CASE_ID, CORRECTION, "text", at("2025-09-04T08:00:00Z")))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
    }

    @Test
    void recordingACollaborationMeetingNamesThePartnerTypeAndWhoTookTheInitiative() {
        Envelope envelope = at("2025-09-05T11:00:00Z");

        fixture.given(caseOpened())
                .when(new RecordContact(CASE_ID, CONTACT, ContactChannel.COLLABORATION_MEETING, ContactInitiator.PARTNER,
                        PartnerType.SCHOOL, "meeting with the class teacher", envelope))
                .expectEvents(new ContactRecorded(CASE_ID, CONTACT, ContactChannel.COLLABORATION_MEETING, ContactInitiator.PARTNER,
                        PartnerType.SCHOOL, "meeting with the class teacher", envelope));
    }

    @Test
    void aNewContactMustSayWhoTookTheInitiative() {
        Envelope envelope = at("2025-09-05T11:00:00Z");

        assertThatThrownBy(() -> new RecordContact(CASE_ID, CONTACT, ContactChannel.PHONE, null, null, null, envelope))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("initiatedBy");
        assertThatThrownBy(() -> new RecordContact(CASE_ID, CONTACT, ContactChannel.PHONE, ContactInitiator.NOT_RECORDED, null, null,
                envelope))
                .as("not recorded is only for contacts stored before the ledger asked")
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("initiatedBy");
    }

    @Test
    void aContactIdCanBeUsedOnlyOnce() {
        fixture.given(caseOpened(), new ContactRecorded(CASE_ID, CONTACT, ContactChannel.PHONE, ContactInitiator.NOT_RECORDED, null,
                        null, at("2025-09-05T11:00:00Z")))
                .when(new RecordContact(CASE_ID, CONTACT, ContactChannel.HOME_VISIT, ContactInitiator.FAMILY, null, null,
                        at("2025-09-06T11:00:00Z")))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
    }

    private static JournalNoteRecorded noteRecorded() {
        return new JournalNoteRecorded(CASE_ID, NOTE, "phone call with the mother", at("2025-09-02T14:00:00Z"));
    }

    private static JournalNoteCorrected corrected() {
        return new JournalNoteCorrected(CASE_ID, CORRECTION, NOTE, "phone call with the father", "wrong parent named",
                at("2025-09-03T08:00:00Z"));
    }
}
