package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record that a running intervention ended. */
public record EndIntervention(
        @TargetAggregateIdentifier CaseId caseId,
        InterventionId interventionId,
        String reason,
        Envelope envelope) implements CaseCommand {

    public EndIntervention {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.text(reason, "reason", 2000);
        Require.present(envelope, "envelope");
    }
}
