package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** The family accepted an offered intervention. */
@Revision("1")
public record InterventionAccepted(
        CaseId caseId,
        InterventionId interventionId,
        Envelope envelope) implements CaseEvent {

    public InterventionAccepted {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.present(envelope, "envelope");
    }
}
