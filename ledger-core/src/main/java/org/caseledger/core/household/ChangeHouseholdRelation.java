package org.caseledger.core.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** Record that a member's relation to the household's children changed, from when the envelope says. */
public record ChangeHouseholdRelation(
        @TargetAggregateIdentifier HouseholdId householdId,
        PersonId person,
        HouseholdRelation relation,
        Envelope envelope) implements HouseholdCommand {

    public ChangeHouseholdRelation {
        Require.present(householdId, "householdId");
        Require.present(person, "person");
        Require.present(relation, "relation");
        Require.present(envelope, "envelope");
    }
}
