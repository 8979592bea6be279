package org.caseledger.core.person;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.YearKeyed;

/**
 * A person was erased: their personal data is no longer readable. The reason is a code; the optional note is stored
 * encrypted under the year's key, never the person's (which this erasure destroys) and never in plaintext.
 * Revision 1 carried the reason as plain text.
 */
@Revision("2")
public record PersonErased(
        PersonId personId,
        ErasureReason reason,
        @YearKeyed String note,
        Envelope envelope) implements PersonEvent {

    public PersonErased {
        Require.present(personId, "personId");
        Require.present(reason, "reason");
        Require.present(envelope, "envelope");
    }
}
