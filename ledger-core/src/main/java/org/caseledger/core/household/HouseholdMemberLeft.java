package org.caseledger.core.household;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** The member left the household (moved out), when the envelope's {@code occurredAt} says. */
@Revision("1")
public record HouseholdMemberLeft(
        HouseholdId householdId,
        PersonId person,
        Envelope envelope) implements HouseholdEvent {

    public HouseholdMemberLeft {
        Require.present(householdId, "householdId");
        Require.present(person, "person");
        Require.present(envelope, "envelope");
    }
}
