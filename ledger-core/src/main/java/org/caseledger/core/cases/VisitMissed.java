package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** The family did not come to a booked visit. */
@Revision("1")
public record VisitMissed(
        CaseId caseId,
        VisitId visitId,
        Envelope envelope) implements CaseEvent {

    public VisitMissed {
        Require.present(caseId, "caseId");
        Require.present(visitId, "visitId");
        Require.present(envelope, "envelope");
    }
}
