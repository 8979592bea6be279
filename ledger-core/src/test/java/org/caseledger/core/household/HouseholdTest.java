package org.caseledger.core.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.at;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.PersonId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HouseholdTest {

    private static final HouseholdId HOUSEHOLD = HouseholdId.of("a1b2c3d4-e5f6-4789-8abc-def012345678");
    private static final PersonId MOTHER = PersonId.of("0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3d4c5b");
    private static final PersonId CHILD = PersonId.of("1c7f3c1e-2d4a-4e8b-9c7d-5a1f2e3d4c5c");
    private static final Envelope MOVED_IN = at("2025-09-01T08:00:00Z");
    private static final Envelope LATER = at("2025-11-01T08:00:00Z");
    private static final Envelope EARLIER = at("2025-08-01T08:00:00Z");

    private AggregateTestFixture<Household> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Household.class);
    }

    @Test
    void addingTheFirstMemberFormsTheHousehold() {
        fixture.givenNoPriorActivity()
                .when(new AddHouseholdMember(HOUSEHOLD, MOTHER, HouseholdRelation.PARENT, MOVED_IN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HouseholdMemberJoined(HOUSEHOLD, MOTHER, HouseholdRelation.PARENT, MOVED_IN));
    }

    @Test
    void anotherPersonJoinsAFormedHousehold() {
        fixture.given(motherJoined())
                .when(new AddHouseholdMember(HOUSEHOLD, CHILD, HouseholdRelation.CHILD, LATER))
                .expectEvents(new HouseholdMemberJoined(HOUSEHOLD, CHILD, HouseholdRelation.CHILD, LATER));
    }

    @Test
    void addingAPersonWhoIsAlreadyAMemberIsRejected() {
        fixture.given(motherJoined())
                .when(new AddHouseholdMember(HOUSEHOLD, MOTHER, HouseholdRelation.GUARDIAN, LATER))
                .expectException(violates(LedgerRule.ALREADY_A_HOUSEHOLD_MEMBER))
                .expectNoEvents();
    }

    @Test
    void aMemberWhoLeftMayJoinAgainLater() {
        fixture.given(motherJoined(), new HouseholdMemberLeft(HOUSEHOLD, MOTHER, at("2025-10-01T08:00:00Z")))
                .when(new AddHouseholdMember(HOUSEHOLD, MOTHER, HouseholdRelation.PARENT, LATER))
                .expectEvents(new HouseholdMemberJoined(HOUSEHOLD, MOTHER, HouseholdRelation.PARENT, LATER));
    }

    @Test
    void joiningAgainDatedBeforeLeavingIsRejected() {
        fixture.given(motherJoined(), new HouseholdMemberLeft(HOUSEHOLD, MOTHER, LATER))
                .when(new AddHouseholdMember(HOUSEHOLD, MOTHER, HouseholdRelation.PARENT, at("2025-10-01T08:00:00Z")))
                .expectException(violates(LedgerRule.HOUSEHOLD_CHANGE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void aMembersRelationChanges() {
        fixture.given(motherJoined())
                .when(new ChangeHouseholdRelation(HOUSEHOLD, MOTHER, HouseholdRelation.GUARDIAN, LATER))
                .expectEvents(new HouseholdRelationChanged(HOUSEHOLD, MOTHER, HouseholdRelation.GUARDIAN, LATER));
    }

    @Test
    void changingTheRelationOfSomeoneWhoIsNoMemberIsRejected() {
        fixture.given(motherJoined())
                .when(new ChangeHouseholdRelation(HOUSEHOLD, CHILD, HouseholdRelation.SIBLING, LATER))
                .expectException(violates(LedgerRule.NOT_A_HOUSEHOLD_MEMBER))
                .expectNoEvents();
    }

    @Test
    void changingTheRelationInAHouseholdNobodyFormedIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new ChangeHouseholdRelation(HOUSEHOLD, CHILD, HouseholdRelation.SIBLING, LATER))
                .expectException(violates(LedgerRule.NOT_A_HOUSEHOLD_MEMBER))
                .expectNoEvents();
    }

    @Test
    void changingTheRelationOfAMemberWhoLeftIsRejected() {
        fixture.given(motherJoined(), new HouseholdMemberLeft(HOUSEHOLD, MOTHER, at("2025-10-01T08:00:00Z")))
                .when(new ChangeHouseholdRelation(HOUSEHOLD, MOTHER, HouseholdRelation.GUARDIAN, LATER))
                .expectException(violates(LedgerRule.NOT_A_HOUSEHOLD_MEMBER))
                .expectNoEvents();
    }

    @Test
    void changingARelationToTheOneTheMemberHasIsRejected() {
        fixture.given(motherJoined())
                .when(new ChangeHouseholdRelation(HOUSEHOLD, MOTHER, HouseholdRelation.PARENT, LATER))
                .expectException(violates(LedgerRule.HOUSEHOLD_RELATION_UNCHANGED))
                .expectNoEvents();
    }

    @Test
    void aRelationChangeDatedBeforeTheMemberJoinedIsRejected() {
        fixture.given(motherJoined())
                .when(new ChangeHouseholdRelation(HOUSEHOLD, MOTHER, HouseholdRelation.GUARDIAN, EARLIER))
                .expectException(violates(LedgerRule.HOUSEHOLD_CHANGE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void removingAMemberOfAHouseholdNobodyFormedIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RemoveHouseholdMember(HOUSEHOLD, CHILD, LATER))
                .expectException(violates(LedgerRule.NOT_A_HOUSEHOLD_MEMBER))
                .expectNoEvents();
    }

    @Test
    void aMemberLeaves() {
        fixture.given(motherJoined())
                .when(new RemoveHouseholdMember(HOUSEHOLD, MOTHER, LATER))
                .expectEvents(new HouseholdMemberLeft(HOUSEHOLD, MOTHER, LATER));
    }

    @Test
    void removingSomeoneWhoIsNoMemberIsRejected() {
        fixture.given(motherJoined())
                .when(new RemoveHouseholdMember(HOUSEHOLD, CHILD, LATER))
                .expectException(violates(LedgerRule.NOT_A_HOUSEHOLD_MEMBER))
                .expectNoEvents();
    }

    @Test
    void removingAMemberTwiceIsRejected() {
        fixture.given(motherJoined(), new HouseholdMemberLeft(HOUSEHOLD, MOTHER, LATER))
                .when(new RemoveHouseholdMember(HOUSEHOLD, MOTHER, at("2025-12-01T08:00:00Z")))
                .expectException(violates(LedgerRule.NOT_A_HOUSEHOLD_MEMBER))
                .expectNoEvents();
    }

    @Test
    void leavingDatedBeforeJoiningIsRejected() {
        fixture.given(motherJoined())
                .when(new RemoveHouseholdMember(HOUSEHOLD, MOTHER, EARLIER))
                .expectException(violates(LedgerRule.HOUSEHOLD_CHANGE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void aCommandWithoutItsPersonOrRelationIsAnInvalidValue() {
        assertThatThrownBy(() -> new AddHouseholdMember(HOUSEHOLD, null, HouseholdRelation.PARENT, MOVED_IN))
                .isInstanceOf(InvalidValueException.class).hasMessage("person is required");
        assertThatThrownBy(() -> new AddHouseholdMember(HOUSEHOLD, MOTHER, null, MOVED_IN))
                .isInstanceOf(InvalidValueException.class).hasMessage("relation is required");
        assertThatThrownBy(() -> new RemoveHouseholdMember(null, MOTHER, MOVED_IN))
                .isInstanceOf(InvalidValueException.class).hasMessage("householdId is required");
    }

    @Test
    void theMembersArePeriodsThatARelationChangeOrALeavingEnds() {
        Instant joined = MOVED_IN.occurredAt();
        Instant changed = LATER.occurredAt();
        Instant left = Instant.parse("2025-12-01T08:00:00Z");

        List<MembershipPeriod> periods = HouseholdMembers.of(List.of(motherJoined(),
                new HouseholdMemberJoined(HOUSEHOLD, CHILD, HouseholdRelation.CHILD, MOVED_IN),
                new HouseholdRelationChanged(HOUSEHOLD, MOTHER, HouseholdRelation.GUARDIAN, LATER),
                new HouseholdMemberLeft(HOUSEHOLD, MOTHER, at(left))));

        assertThat(periods).containsExactly(
                new MembershipPeriod(MOTHER, HouseholdRelation.PARENT, joined, changed),
                new MembershipPeriod(CHILD, HouseholdRelation.CHILD, joined, null),
                new MembershipPeriod(MOTHER, HouseholdRelation.GUARDIAN, changed, left));
        assertThat(periods.get(0).covers(joined)).isTrue();
        assertThat(periods.get(0).covers(changed)).as("a period ends when the next begins").isFalse();
        assertThat(periods.get(1).covers(left)).isTrue();
    }

    private static HouseholdMemberJoined motherJoined() {
        return new HouseholdMemberJoined(HOUSEHOLD, MOTHER, HouseholdRelation.PARENT, MOVED_IN);
    }
}
