package org.caseledger.core.cases;

import static org.caseledger.core.cases.CaseFixtures.CASE_ID;
import static org.caseledger.core.cases.CaseFixtures.caseFixture;
import static org.caseledger.core.cases.CaseFixtures.caseOpened;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;

import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Booking visits and their one outcome: held, missed or cancelled. */
class CaseVisitTest {

    private static final VisitId VISIT = VisitId.of("f0000000-0000-4000-8000-000000000001");
    private static final Instant PLANNED_AT = Instant.parse("2025-09-10T08:00:00Z");
    private static final Envelope BOOKED = at("2025-09-02T10:00:00Z");
    private static final Envelope OUTCOME = at("2025-09-10T09:30:00Z");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = caseFixture();
    }

    @Test
    void bookingAVisitRecordsWhenAndWhere() {
        fixture.given(caseOpened())
                .when(new BookVisit(CASE_ID, VISIT, PLANNED_AT, VisitPlace.HOME, BOOKED))
                .expectEvents(new VisitBooked(CASE_ID, VISIT, PLANNED_AT, VisitPlace.HOME, BOOKED));
    }

    @Test
    void aVisitIdCanBeBookedOnlyOnce() {
        fixture.given(caseOpened(), visitBooked())
                .when(new BookVisit(CASE_ID, VISIT, PLANNED_AT.plusSeconds(86_400), VisitPlace.OFFICE, at("2025-09-03T10:00:00Z")))
                .expectException(violates(LedgerRule.DUPLICATE_ID))
                .expectNoEvents();
    }

    @Test
    void aBookedVisitCanBeRecordedAsHeld() {
        fixture.given(caseOpened(), visitBooked())
                .when(new RecordVisitHeld(CASE_ID, VISIT, OUTCOME))
                .expectEvents(new VisitHeld(CASE_ID, VISIT, OUTCOME));
    }

    @Test
    void aBookedVisitCanBeRecordedAsMissed() {
        fixture.given(caseOpened(), visitBooked())
                .when(new RecordVisitMissed(CASE_ID, VISIT, OUTCOME))
                .expectEvents(new VisitMissed(CASE_ID, VISIT, OUTCOME));
    }

    @Test
    void aBookedVisitCanBeCancelledByTheFamily() {
        Envelope envelope = at("2025-09-09T15:00:00Z");

        fixture.given(caseOpened(), visitBooked())
                .when(new CancelVisit(CASE_ID, VISIT, CancelledBy.FAMILY, "child is ill", envelope))
                .expectEvents(new VisitCancelled(CASE_ID, VISIT, CancelledBy.FAMILY, "child is ill", envelope));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomeCommands")
    void noOutcomeWithoutABooking(String outcome, CaseCommand command) {
        fixture.given(caseOpened())
                .when(command)
                .expectException(violates(LedgerRule.VISIT_NOT_BOOKED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomeCommands")
    void noOutcomeForAVisitBookedInAnotherId(String outcome, CaseCommand command) {
        fixture.given(caseOpened(), new VisitBooked(CASE_ID, VisitId.of("f0000000-0000-4000-8000-000000000002"), PLANNED_AT,
                        VisitPlace.HOME, BOOKED))
                .when(command)
                .expectException(violates(LedgerRule.VISIT_NOT_BOOKED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} after {2}")
    @MethodSource("secondOutcomes")
    void aVisitHasOnlyOneOutcome(String outcome, CaseCommand command, String earlierOutcome, CaseEvent earlier) {
        fixture.given(caseOpened(), visitBooked(), earlier)
                .when(command)
                .expectException(violates(LedgerRule.VISIT_ALREADY_CONCLUDED))
                .expectNoEvents();
    }

    static Stream<Arguments> outcomeCommands() {
        return Stream.of(
                Arguments.of("held", new RecordVisitHeld(CASE_ID, VISIT, OUTCOME)),
                Arguments.of("missed", new RecordVisitMissed(CASE_ID, VISIT, OUTCOME)),
                Arguments.of("cancelled", new CancelVisit(CASE_ID, VISIT, CancelledBy.OFFICE, null, OUTCOME)));
    }

    static Stream<Arguments> secondOutcomes() {
        Envelope earlier = at("2025-09-10T09:00:00Z");
        Stream.Builder<Arguments> all = Stream.builder();
        Object[][] earlierOutcomes = {
                {"held", new VisitHeld(CASE_ID, VISIT, earlier)},
                {"missed", new VisitMissed(CASE_ID, VISIT, earlier)},
                {"cancelled", new VisitCancelled(CASE_ID, VISIT, CancelledBy.FAMILY, null, earlier)}};
        outcomeCommands().forEach(command -> {
            for (Object[] outcome : earlierOutcomes) {
                all.add(Arguments.of(command.get()[0], command.get()[1], outcome[0], outcome[1]));
            }
        });
        return all.build();
    }

    private static VisitBooked visitBooked() {
        return new VisitBooked(CASE_ID, VISIT, PLANNED_AT, VisitPlace.HOME, BOOKED);
    }
}
