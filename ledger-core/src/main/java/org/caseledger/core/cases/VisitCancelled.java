package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** A booked visit was cancelled. */
@Revision("1")
public record VisitCancelled(
        CaseId caseId,
        VisitId visitId,
        CancelledBy cancelledBy,
        @PersonalData String reason,
        Envelope envelope) implements CaseEvent {

    public VisitCancelled {
        Require.present(caseId, "caseId");
        Require.present(visitId, "visitId");
        Require.present(cancelledBy, "cancelledBy");
        Require.present(envelope, "envelope");
    }
}
