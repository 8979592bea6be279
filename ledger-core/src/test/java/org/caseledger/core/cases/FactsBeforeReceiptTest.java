package org.caseledger.core.cases;

import static org.caseledger.core.cases.CaseFixtures.CASE_ID;
import static org.caseledger.core.cases.CaseFixtures.CASE_NUMBER;
import static org.caseledger.core.cases.CaseFixtures.CHILD;
import static org.caseledger.core.cases.CaseFixtures.HOUSEHOLD;
import static org.caseledger.core.cases.CaseFixtures.caseFixture;
import static org.caseledger.core.cases.CaseFixtures.caseOpened;
import static org.caseledger.core.shared.LedgerRuleMatchers.invalid;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.TestEnvelopes;
import org.caseledger.core.shared.ValueProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case is received on 1 September 2025 (the fixture's case); the child was born on 20 June 2025. A contact or a
 * journal note may tell of something earlier, nothing else may, and nothing about the child happens before the birth.
 */
class FactsBeforeReceiptTest {

    private static final Instant BEFORE_RECEIPT = Instant.parse("2025-08-28T10:00:00Z");
    private static final Instant BEFORE_BIRTH = Instant.parse("2025-06-10T10:00:00Z");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = caseFixture();
    }

    @Test
    void givenACaseWhenAJournalNoteTellsOfSomethingBeforeTheCaseWasReceivedThenItIsRecorded() {
        Envelope envelope = at(BEFORE_RECEIPT);
        NoteId note = NoteId.random();

        fixture.given(caseOpened())
                .when(new RecordJournalNote(CASE_ID, note, "The school nurse called about bruises before she wrote the report.", envelope))
                .expectEvents(new JournalNoteRecorded(CASE_ID, note, "The school nurse called about bruises before she wrote the report.",
                        envelope));
    }

    @Test
    void givenACaseWhenTheContactThatLedToTheReportIsRecordedThenItIsRecordedWithItsOwnEarlierTime() {
        Envelope envelope = at(BEFORE_RECEIPT);
        ContactId contact = ContactId.random();

        fixture.given(caseOpened())
                .when(new RecordContact(CASE_ID, contact, ContactChannel.PHONE, ContactInitiator.PARTNER, PartnerType.SCHOOL,
                        "The school called to ask how to report a concern.", envelope))
                .expectEvents(new ContactRecorded(CASE_ID, contact, ContactChannel.PHONE, ContactInitiator.PARTNER, PartnerType.SCHOOL,
                        "The school called to ask how to report a concern.", envelope));
    }

    @Test
    void givenACaseWhenAVisitIsBookedForADayBeforeTheCaseWasReceivedThenItIsRefusedAndNothingIsRecorded() {
        fixture.given(caseOpened())
                .when(new BookVisit(CASE_ID, VisitId.random(), Instant.parse("2025-09-05T08:00:00Z"), VisitPlace.HOME, at(BEFORE_RECEIPT)))
                .expectException(violates(LedgerRule.BEFORE_CASE_RECEIVED))
                .expectNoEvents();
    }

    @Test
    void givenACaseWhenAClosingIsDatedBeforeTheCaseWasReceivedThenItIsRefused() {
        fixture.given(caseOpened())
                .when(new CloseCase(CASE_ID, "the family moved", at(BEFORE_RECEIPT)))
                .expectException(violates(LedgerRule.BEFORE_CASE_RECEIVED))
                .expectNoEvents();
    }

    @Test
    void givenACaseWhenAFurtherReportSaysItWasReceivedBeforeTheCaseThenItIsRefused() {
        fixture.given(caseOpened())
                .when(new ReceiveReportOfConcern(CASE_ID, ReportId.random(), ReporterType.SCHOOL, "Another report.",
                        BEFORE_RECEIPT, at("2025-09-02T08:00:00Z")))
                .expectException(violates(LedgerRule.BEFORE_CASE_RECEIVED))
                .expectNoEvents();
    }

    @Test
    void givenACaseWhenAJournalNoteIsDatedBeforeTheChildWasBornThenItIsRefusedAsBeforeBirth() {
        fixture.given(caseOpened())
                .when(new RecordJournalNote(CASE_ID, NoteId.random(), "A note from before the birth.", at(BEFORE_BIRTH)))
                .expectException(invalid(ValueProblem.BEFORE_BIRTH))
                .expectNoEvents();
    }

    @Test
    void givenAChildBornInJuneWhenACaseIsOpenedOnAReportReceivedInMayThenItIsRefusedAsBeforeBirth() {
        Instant receivedInMay = Instant.parse("2025-05-20T08:00:00Z");

        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, CASE_NUMBER, TestEnvelopes.UNIT, CaseOrigin.REPORT_OF_CONCERN, CHILD, HOUSEHOLD,
                        receivedInMay, at("2025-09-01T07:00:00Z")))
                .expectException(invalid(ValueProblem.BEFORE_BIRTH))
                .expectNoEvents();
    }

    @Test
    void givenAChildBornInJuneWhenACaseIsOpenedOnTheDayOfBirthThenItOpens() {
        Instant bornThatMorning = Instant.parse("2025-06-20T08:00:00Z");

        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, CASE_NUMBER, TestEnvelopes.UNIT, CaseOrigin.REPORT_OF_CONCERN, CHILD, HOUSEHOLD,
                        bornThatMorning, at(bornThatMorning)))
                .expectSuccessfulHandlerExecution();
    }
}
