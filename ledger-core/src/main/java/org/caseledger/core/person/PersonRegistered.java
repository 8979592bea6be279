package org.caseledger.core.person;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** A person was registered; identity number, reserve number and name are personal data. */
@Revision("1")
public record PersonRegistered(
        PersonId personId,
        @PersonalData PersonalIdentityNumber identityNumber,
        @PersonalData String reserveNumber,
        @PersonalData String name,
        boolean protectedIdentity,
        HouseholdId household,
        Envelope envelope) implements PersonEvent {

    public PersonRegistered {
        Require.present(personId, "personId");
        Require.present(envelope, "envelope");
    }
}
