package org.caseledger.core.household;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** The member's relation to the household's children changed, when the envelope's {@code occurredAt} says. */
@Revision("1")
public record HouseholdRelationChanged(
        HouseholdId householdId,
        PersonId person,
        HouseholdRelation relation,
        Envelope envelope) implements HouseholdEvent {

    public HouseholdRelationChanged {
        Require.present(householdId, "householdId");
        Require.present(person, "person");
        Require.present(relation, "relation");
        Require.present(envelope, "envelope");
    }
}
