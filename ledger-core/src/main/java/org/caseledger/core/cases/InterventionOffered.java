package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** An intervention was offered. */
@Revision("1")
public record InterventionOffered(
        CaseId caseId,
        InterventionId interventionId,
        InterventionType type,
        boolean voluntary,
        Envelope envelope) implements CaseEvent {

    public InterventionOffered {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.present(type, "type");
        Require.present(envelope, "envelope");
    }
}
