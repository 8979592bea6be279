package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Cancel a booked visit, by the family or by the office. */
public record CancelVisit(
        @TargetAggregateIdentifier CaseId caseId,
        VisitId visitId,
        CancelledBy cancelledBy,
        String reason,
        Envelope envelope) implements CaseCommand {

    public CancelVisit {
        Require.present(caseId, "caseId");
        Require.present(visitId, "visitId");
        Require.present(cancelledBy, "cancelledBy");
        Require.optionalText(reason, "reason", 2000);
        Require.present(envelope, "envelope");
    }
}
