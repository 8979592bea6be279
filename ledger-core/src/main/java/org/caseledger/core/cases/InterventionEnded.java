package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** A running intervention ended. */
@Revision("1")
public record InterventionEnded(
        CaseId caseId,
        InterventionId interventionId,
        @PersonalData String reason,
        Envelope envelope) implements CaseEvent {

    public InterventionEnded {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.present(envelope, "envelope");
    }
}
