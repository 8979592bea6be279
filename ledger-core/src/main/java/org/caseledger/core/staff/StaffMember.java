package org.caseledger.core.staff;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/** One member of staff's entry in the registry: the membership in force and whether it has ended. */
public class StaffMember {

    @AggregateIdentifier
    private StaffId staffId;
    private UnitId unit;
    private Role role;
    /** The first day of the membership in force. */
    private LocalDate since;
    private boolean ended;

    protected StaffMember() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public StaffMember(RegisterStaffMember command) {
        apply(new StaffMemberRegistered(command.staffId(), command.name(), command.unit(), command.role(), command.activeFrom(),
                command.envelope()));
    }

    @CommandHandler
    public void handle(ChangeStaffMembership command) {
        assertNotEnded();
        assertNotBeforeCurrent(command.from());
        assertChanges(command.unit(), command.role());
        apply(new StaffMembershipChanged(staffId, command.unit(), command.role(), command.from(), command.envelope()));
    }

    @CommandHandler
    public void handle(EndStaffMembership command) {
        assertNotEnded();
        assertNotBeforeCurrent(command.lastDay());
        apply(new StaffMembershipEnded(staffId, command.lastDay(), command.envelope()));
    }

    private void assertNotEnded() {
        if (ended) {
            throw new LedgerRuleViolation(LedgerRule.STAFF_MEMBERSHIP_ENDED, staffId + "'s membership has ended");
        }
    }

    /** A change or an end rewrites no day already covered by the membership in force before its first day. */
    private void assertNotBeforeCurrent(LocalDate day) {
        if (day.isBefore(since)) {
            throw new LedgerRuleViolation(LedgerRule.STAFF_DATE_BEFORE_CURRENT, staffId + "'s membership in force began on " + since
                    + "; " + day + " lies before it", since);
        }
    }

    private void assertChanges(UnitId newUnit, Role newRole) {
        if (newUnit.equals(unit) && newRole == role) {
            throw new LedgerRuleViolation(LedgerRule.STAFF_CHANGE_CHANGES_NOTHING, staffId + " already works in " + unit + " as " + role);
        }
    }

    @EventSourcingHandler
    void on(StaffMemberRegistered event) {
        staffId = event.staffId();
        unit = event.unit();
        role = event.role();
        since = event.activeFrom();
    }

    @EventSourcingHandler
    void on(StaffMembershipChanged event) {
        unit = event.unit();
        role = event.role();
        since = event.from();
    }

    @EventSourcingHandler
    void on(StaffMembershipEnded event) {
        ended = true;
    }
}
