package org.caseledger.core.cases;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Book a visit with the family. */
public record BookVisit(
        @TargetAggregateIdentifier CaseId caseId,
        VisitId visitId,
        Instant plannedAt,
        VisitPlace place,
        Envelope envelope) implements CaseCommand {

    public BookVisit {
        Require.present(caseId, "caseId");
        Require.present(visitId, "visitId");
        Require.present(plannedAt, "plannedAt");
        Require.present(place, "place");
        Require.present(envelope, "envelope");
    }
}
