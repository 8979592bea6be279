package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record that the family declined an offered intervention. */
public record DeclineIntervention(
        @TargetAggregateIdentifier CaseId caseId,
        InterventionId interventionId,
        String reason,
        Envelope envelope) implements CaseCommand {

    public DeclineIntervention {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.optionalText(reason, "reason", 2000);
        Require.present(envelope, "envelope");
    }
}
