package org.caseledger.core.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/** A person known to the ledger. Personal data lives in the person's events, so erasure can reach all of it. */
public class Person {

    @AggregateIdentifier
    private PersonId personId;
    private boolean erased;
    private boolean protectedIdentity;
    private String name;
    private PersonalIdentityNumber identityNumber;
    /** Who agreed to the erasure, for each unit that did. */
    private final Map<UnitId, StaffId> approvals = new HashMap<>();

    protected Person() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Person(RegisterPerson command) {
        apply(new PersonRegistered(command.personId(), command.identityNumber(), command.reserveNumber(), command.name(),
                command.protectedIdentity(), command.household(), command.envelope()));
    }

    @CommandHandler
    public void handle(ProtectIdentity command) {
        assertNotErased();
        assertProtectionChanges(true);
        apply(new IdentityProtected(personId, command.envelope()));
    }

    @CommandHandler
    public void handle(LiftIdentityProtection command) {
        assertNotErased();
        assertProtectionChanges(false);
        apply(new IdentityProtectionLifted(personId, command.envelope()));
    }

    @CommandHandler
    public void handle(CorrectName command) {
        assertNotErased();
        assertChanges(command.name().equals(name), "name");
        apply(new NameCorrected(personId, command.name(), command.reason(), command.envelope()));
    }

    @CommandHandler
    public void handle(CorrectIdentityNumber command) {
        assertNotErased();
        assertChanges(command.identityNumber().equals(identityNumber), "identity number");
        apply(new IdentityNumberCorrected(personId, command.identityNumber(), command.reason(), command.envelope()));
    }

    @CommandHandler
    public void handle(ApproveErasure command) {
        assertNotErased();
        apply(new ErasureApproved(personId, command.envelope()));
    }

    @CommandHandler
    public void handle(ErasePerson command) {
        assertNotErased();
        assertApprovedByEveryOtherUnit(command.otherUnits(), command.envelope().actor());
        apply(new PersonErased(personId, command.reason(), command.note(), command.envelope()));
    }

    /** Each other unit holding the person's files agreed, through someone other than the one erasing: four eyes. */
    private void assertApprovedByEveryOtherUnit(Set<UnitId> otherUnits, StaffId eraser) {
        List<String> missing = otherUnits.stream()
                .filter(unit -> approvals.get(unit) == null || approvals.get(unit).equals(eraser))
                .map(UnitId::value).sorted().toList();
        if (!missing.isEmpty()) {
            throw new LedgerRuleViolation(LedgerRule.ERASURE_NOT_APPROVED, "person " + personId + " is also in case files of "
                    + String.join(", ", missing) + ", which have not approved the erasure");
        }
    }

    private void assertProtectionChanges(boolean protect) {
        if (protectedIdentity == protect) {
            throw new LedgerRuleViolation(LedgerRule.IDENTITY_PROTECTION_UNCHANGED, "person " + personId + "'s identity is "
                    + (protect ? "already" : "not") + " protected");
        }
    }

    private void assertChanges(boolean same, String what) {
        if (same) {
            throw new LedgerRuleViolation(LedgerRule.CORRECTION_CHANGES_NOTHING, "the person already has this " + what, what);
        }
    }

    private void assertNotErased() {
        if (erased) {
            throw new LedgerRuleViolation(LedgerRule.PERSON_ERASED, "person " + personId + " has already been erased");
        }
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        personId = event.personId();
        protectedIdentity = event.protectedIdentity();
        name = event.name();
        identityNumber = event.identityNumber();
    }

    @EventSourcingHandler
    void on(IdentityProtected event) {
        protectedIdentity = true;
    }

    @EventSourcingHandler
    void on(IdentityProtectionLifted event) {
        protectedIdentity = false;
    }

    @EventSourcingHandler
    void on(NameCorrected event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(IdentityNumberCorrected event) {
        identityNumber = event.identityNumber();
    }

    @EventSourcingHandler
    void on(ErasureApproved event) {
        approvals.put(event.envelope().unit(), event.envelope().actor());
    }

    @EventSourcingHandler
    void on(PersonErased event) {
        erased = true;
    }
}
