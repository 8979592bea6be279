package org.caseledger.core.person;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** The person's name was corrected, and why; both are personal data, under the person's key. */
@Revision("1")
public record NameCorrected(
        PersonId personId,
        @PersonalData String name,
        @PersonalData String reason,
        Envelope envelope) implements PersonEvent {

    public NameCorrected {
        Require.present(personId, "personId");
        Require.present(envelope, "envelope");
    }
}
