package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record that the family accepted an offered intervention. */
public record AcceptIntervention(
        @TargetAggregateIdentifier CaseId caseId,
        InterventionId interventionId,
        Envelope envelope) implements CaseCommand {

    public AcceptIntervention {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.present(envelope, "envelope");
    }
}
