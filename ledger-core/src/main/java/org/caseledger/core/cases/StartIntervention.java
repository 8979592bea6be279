package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record that an intervention started. */
public record StartIntervention(
        @TargetAggregateIdentifier CaseId caseId,
        InterventionId interventionId,
        Envelope envelope) implements CaseCommand {

    public StartIntervention {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.present(envelope, "envelope");
    }
}
