package org.caseledger.core.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.PersonId;

/** A person known to the ledger. Personal data lives in the person's events, so erasure can reach all of it. */
public class Person {

    @AggregateIdentifier
    private PersonId personId;
    private boolean erased;

    protected Person() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Person(RegisterPerson command) {
        apply(new PersonRegistered(command.personId(), command.identityNumber(), command.reserveNumber(), command.name(),
                command.protectedIdentity(), command.household(), command.envelope()));
    }

    @CommandHandler
    public void handle(ErasePerson command) {
        assertNotErased();
        apply(new PersonErased(personId, command.reason(), command.envelope()));
    }

    private void assertNotErased() {
        if (erased) {
            throw new LedgerRuleViolation(LedgerRule.PERSON_ERASED, "person " + personId + " has already been erased");
        }
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        personId = event.personId();
    }

    @EventSourcingHandler
    void on(PersonErased event) {
        erased = true;
    }
}
