package org.caseledger.core.staff;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseledger.core.shared.LedgerRuleMatchers.violates;
import static org.caseledger.core.shared.TestEnvelopes.by;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staff registry: the administrator enters, moves and ends memberships, each from a day on, never backwards. */
class StaffMemberTest {

    private static final StaffId MARIA = StaffId.of("maria.nord");
    private static final UnitId VIVALLA = UnitId.of("vivalla");
    private static final UnitId CENTRAL = UnitId.of("central-reception");
    private static final Envelope ADMIN = by(Role.ADMINISTRATOR, "2026-02-01T09:00:00Z");

    private AggregateTestFixture<StaffMember> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffMember.class);
    }

    @Test
    void givenNothingWhenTheAdministratorRegistersAMemberThenTheRegistryRecordsUnitRoleAndFirstDay() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember(MARIA, "Maria Nord", VIVALLA, Role.SOCIAL_SECRETARY, LocalDate.of(2026, 2, 1), ADMIN))
                .expectEvents(registered());
    }

    @Test
    void givenAMemberWhenSheMovesToAnotherUnitFromADayThenTheChangeIsRecorded() {
        fixture.given(registered())
                .when(new ChangeStaffMembership(MARIA, CENTRAL, Role.SOCIAL_SECRETARY, LocalDate.of(2026, 6, 1), ADMIN))
                .expectEvents(new StaffMembershipChanged(MARIA, CENTRAL, Role.SOCIAL_SECRETARY, LocalDate.of(2026, 6, 1), ADMIN));
    }

    @Test
    void givenAMemberWhenAChangeChangesNothingThenItIsRefused() {
        fixture.given(registered())
                .when(new ChangeStaffMembership(MARIA, VIVALLA, Role.SOCIAL_SECRETARY, LocalDate.of(2026, 6, 1), ADMIN))
                .expectException(violates(LedgerRule.STAFF_CHANGE_CHANGES_NOTHING))
                .expectNoEvents();
    }

    @Test
    void givenAMemberWhenAChangeIsDatedBeforeHerMembershipBeganThenItIsRefused() {
        fixture.given(registered())
                .when(new ChangeStaffMembership(MARIA, CENTRAL, Role.SOCIAL_SECRETARY, LocalDate.of(2026, 1, 15), ADMIN))
                .expectException(violates(LedgerRule.STAFF_DATE_BEFORE_CURRENT))
                .expectNoEvents();
    }

    @Test
    void givenAMemberWhenHerMembershipEndsThenTheLastDayIsRecorded() {
        fixture.given(registered())
                .when(new EndStaffMembership(MARIA, LocalDate.of(2026, 9, 30), ADMIN))
                .expectEvents(new StaffMembershipEnded(MARIA, LocalDate.of(2026, 9, 30), ADMIN));
    }

    @Test
    void givenAnEndedMembershipWhenItIsChangedOrEndedAgainThenBothAreRefused() {
        StaffMembershipEnded ended = new StaffMembershipEnded(MARIA, LocalDate.of(2026, 9, 30), ADMIN);
        fixture.given(registered(), ended)
                .when(new ChangeStaffMembership(MARIA, CENTRAL, Role.GROUP_LEADER, LocalDate.of(2026, 10, 1), ADMIN))
                .expectException(violates(LedgerRule.STAFF_MEMBERSHIP_ENDED))
                .expectNoEvents();
        fixture.given(registered(), ended)
                .when(new EndStaffMembership(MARIA, LocalDate.of(2026, 10, 31), ADMIN))
                .expectException(violates(LedgerRule.STAFF_MEMBERSHIP_ENDED))
                .expectNoEvents();
    }

    @Test
    void givenAnAuditorsRoleWhenSomeoneIsRegisteredAsStaffThenTheCommandIsInvalid() {
        assertThatThrownBy(() -> new RegisterStaffMember(MARIA, "Maria Nord", VIVALLA, Role.AUDITOR, LocalDate.of(2026, 2, 1), ADMIN))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("SOCIAL_SECRETARY");
    }

    private static StaffMemberRegistered registered() {
        return new StaffMemberRegistered(MARIA, "Maria Nord", VIVALLA, Role.SOCIAL_SECRETARY, LocalDate.of(2026, 2, 1), ADMIN);
    }
}
