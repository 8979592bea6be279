package org.caseledger.api.access;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.caseledger.core.cases.AssignCase;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.staff.StaffCommand;
import org.caseledger.core.staff.StaffRoles;
import org.springframework.stereotype.Component;

/**
 * Only the office's staff record facts, and a case goes only to someone who works with cases in its unit. Every
 * command's actor must be in the staff registry as working in the envelope's unit and role both on the day the fact
 * happened and on the day it is recorded; an assignment must name a member working in a case-working role in the
 * case's unit on those days. The registry's own commands are exempt from the first rule, so that the administrator can
 * enter the first members; only administrators may send them (the endpoints say so). The guard stands at the command
 * bus, like {@link PersonReferenceGuard}, so no way of sending a command passes it by.
 */
@Component
class StaffGuard {

    private final StaffRegistry registry;
    private final CaseAccessRepository cases;

    StaffGuard(StaffRegistry registry, CaseAccessRepository cases, CommandBus commandBus) {
        this.registry = registry;
        this.cases = cases;
        MessageDispatchInterceptor<CommandMessage<?>> interceptor = messages -> this::check;
        commandBus.registerDispatchInterceptor(interceptor);
    }

    private CommandMessage<?> check(Integer index, CommandMessage<?> command) {
        Object payload = command.getPayload();
        if (payload instanceof StaffCommand || !(payload instanceof LedgerCommand sent)) {
            return command;
        }
        requireActor(sent.envelope());
        if (payload instanceof AssignCase assignment) {
            cases.find(assignment.caseId()).ifPresent(target -> requireCaseWorker(assignment.assignee(), target, assignment.envelope()));
        }
        return command;
    }

    private void requireActor(Envelope envelope) {
        for (LocalDate day : days(envelope)) {
            Optional<StaffRegistry.Membership> membership = registry.membershipOn(envelope.actor(), day);
            if (membership.isEmpty() || !membership.get().unit().equals(envelope.unit()) || membership.get().role() != envelope.role()) {
                throw new LedgerRuleViolation(LedgerRule.ACTOR_NOT_ACTIVE_STAFF, envelope.actor() + " is not in the staff registry as "
                        + envelope.role() + " in " + envelope.unit() + " on " + day, envelope.actor(), envelope.unit(), day);
            }
        }
    }

    private void requireCaseWorker(StaffId assignee, CaseAccess target, Envelope envelope) {
        for (LocalDate day : days(envelope)) {
            Optional<StaffRegistry.Membership> membership = registry.membershipOn(assignee, day);
            if (membership.isEmpty() || !membership.get().unit().equals(target.unit())
                    || !StaffRoles.CASE_WORKING.contains(membership.get().role())) {
                throw new LedgerRuleViolation(LedgerRule.STAFF_NOT_ACTIVE, assignee + " does not work with cases in " + target.unit()
                        + " on " + day + " by the staff registry", assignee, target.unit(), day);
            }
        }
    }

    /** The day the fact happened and the day it is recorded, in Swedish time. */
    private static LocalDate[] days(Envelope envelope) {
        LocalDate happened = LedgerTime.dayOf(envelope.occurredAt());
        LocalDate recorded = LedgerTime.dayOf(envelope.recordedAt());
        return happened.equals(recorded) ? new LocalDate[] {happened} : new LocalDate[] {happened, recorded};
    }
}
