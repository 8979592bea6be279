package org.caseledger.core.person;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** The person's identity is no longer protected, from the envelope's {@code occurredAt}; their files are the unit's again. */
@Revision("1")
public record IdentityProtectionLifted(
        PersonId personId,
        Envelope envelope) implements PersonEvent {

    public IdentityProtectionLifted {
        Require.present(personId, "personId");
        Require.present(envelope, "envelope");
    }
}
