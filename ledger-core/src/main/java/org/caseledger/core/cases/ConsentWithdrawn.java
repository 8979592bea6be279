package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** A consent was withdrawn; it no longer covers disclosures after the moment it occurred. */
@Revision("1")
public record ConsentWithdrawn(
        CaseId caseId,
        ConsentId consentId,
        Envelope envelope) implements CaseEvent {

    public ConsentWithdrawn {
        Require.present(caseId, "caseId");
        Require.present(consentId, "consentId");
        Require.present(envelope, "envelope");
    }
}
