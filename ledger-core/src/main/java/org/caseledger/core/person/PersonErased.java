package org.caseledger.core.person;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** A person was erased: their personal data is no longer readable. Holds no personal data itself. */
@Revision("1")
public record PersonErased(
        PersonId personId,
        String reason,
        Envelope envelope) implements PersonEvent {

    public PersonErased {
        Require.present(personId, "personId");
        Require.present(envelope, "envelope");
    }
}
