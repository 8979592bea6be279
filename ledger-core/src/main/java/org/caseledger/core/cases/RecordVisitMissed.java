package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record that the family did not come to a booked visit (uteblivet besök). */
public record RecordVisitMissed(
        @TargetAggregateIdentifier CaseId caseId,
        VisitId visitId,
        Envelope envelope) implements CaseCommand {

    public RecordVisitMissed {
        Require.present(caseId, "caseId");
        Require.present(visitId, "visitId");
        Require.present(envelope, "envelope");
    }
}
