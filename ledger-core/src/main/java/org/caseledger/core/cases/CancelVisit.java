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

    /** The most characters {@code reason} may have; the API's OpenAPI document states this limit. */
    public static final int REASON_LIMIT = 2000;

    public CancelVisit {
        Require.present(caseId, "caseId");
        Require.present(visitId, "visitId");
        Require.present(cancelledBy, "cancelledBy");
        Require.optionalText(reason, "reason", REASON_LIMIT);
        Require.present(envelope, "envelope");
    }
}
