package org.caseledger.core.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** Add a person to a household from when the envelope says they joined it, in their relation to its children. */
public record AddHouseholdMember(
        @TargetAggregateIdentifier HouseholdId householdId,
        PersonId person,
        HouseholdRelation relation,
        Envelope envelope) implements HouseholdCommand {

    public AddHouseholdMember {
        Require.present(householdId, "householdId");
        Require.present(person, "person");
        Require.present(relation, "relation");
        Require.present(envelope, "envelope");
    }
}
