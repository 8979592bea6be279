package org.caseledger.core.person;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/**
 * The person's identity became protected, when the envelope's {@code occurredAt} says: from then on their case files
 * are for the assigned case worker, the unit head and auditors only. Names no one but the person's id.
 */
@Revision("1")
public record IdentityProtected(
        PersonId personId,
        Envelope envelope) implements PersonEvent {

    public IdentityProtected {
        Require.present(personId, "personId");
        Require.present(envelope, "envelope");
    }
}
