package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** An intervention started. */
@Revision("1")
public record InterventionStarted(
        CaseId caseId,
        InterventionId interventionId,
        Envelope envelope) implements CaseEvent {

    public InterventionStarted {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.present(envelope, "envelope");
    }
}
