package org.caseledger.core.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** Record that a member left the household, when the envelope says. */
public record RemoveHouseholdMember(
        @TargetAggregateIdentifier HouseholdId householdId,
        PersonId person,
        Envelope envelope) implements HouseholdCommand {

    public RemoveHouseholdMember {
        Require.present(householdId, "householdId");
        Require.present(person, "person");
        Require.present(envelope, "envelope");
    }
}
