package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record that a booked visit took place. */
public record RecordVisitHeld(
        @TargetAggregateIdentifier CaseId caseId,
        VisitId visitId,
        Envelope envelope) implements CaseCommand {

    public RecordVisitHeld {
        Require.present(caseId, "caseId");
        Require.present(visitId, "visitId");
        Require.present(envelope, "envelope");
    }
}
