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

    /** The most characters {@code reason} may have; the API's OpenAPI document states this limit. */
    public static final int REASON_LIMIT = 2000;

    public DeclineIntervention {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.optionalText(reason, "reason", REASON_LIMIT);
        Require.present(envelope, "envelope");
    }
}
