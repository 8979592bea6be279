package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** The family declined an offered intervention. */
@Revision("1")
public record InterventionDeclined(
        CaseId caseId,
        InterventionId interventionId,
        @PersonalData String reason,
        Envelope envelope) implements CaseEvent {

    public InterventionDeclined {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.present(envelope, "envelope");
    }
}
