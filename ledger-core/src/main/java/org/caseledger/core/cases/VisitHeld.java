package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** A booked visit took place. */
@Revision("1")
public record VisitHeld(
        CaseId caseId,
        VisitId visitId,
        Envelope envelope) implements CaseEvent {

    public VisitHeld {
        Require.present(caseId, "caseId");
        Require.present(visitId, "visitId");
        Require.present(envelope, "envelope");
    }
}
