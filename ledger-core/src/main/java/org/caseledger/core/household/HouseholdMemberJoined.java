package org.caseledger.core.household;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** The person became a member of the household, in this relation to its children, when the envelope's {@code occurredAt} says. */
@Revision("1")
public record HouseholdMemberJoined(
        HouseholdId householdId,
        PersonId person,
        HouseholdRelation relation,
        Envelope envelope) implements HouseholdEvent {

    public HouseholdMemberJoined {
        Require.present(householdId, "householdId");
        Require.present(person, "person");
        Require.present(relation, "relation");
        Require.present(envelope, "envelope");
    }
}
