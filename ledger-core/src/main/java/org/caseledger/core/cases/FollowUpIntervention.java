package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record a follow-up of a running intervention. */
public record FollowUpIntervention(
        @TargetAggregateIdentifier CaseId caseId,
        InterventionId interventionId,
        String summary,
        Envelope envelope) implements CaseCommand {

    public FollowUpIntervention {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.text(summary, "summary", 10000);
        Require.present(envelope, "envelope");
    }
}
