package org.caseledger.core.person;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** A unit holding some of a person's case files agreed to their erasure; the envelope names the unit and who agreed. */
@Revision("1")
public record ErasureApproved(
        PersonId personId,
        Envelope envelope) implements PersonEvent {

    public ErasureApproved {
        Require.present(personId, "personId");
        Require.present(envelope, "envelope");
    }
}
