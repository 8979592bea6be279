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

    /** The most characters {@code summary} may have; the API's OpenAPI document states this limit. */
    public static final int SUMMARY_LIMIT = 10_000;

    public FollowUpIntervention {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.text(summary, "summary", SUMMARY_LIMIT);
        Require.present(envelope, "envelope");
    }
}
