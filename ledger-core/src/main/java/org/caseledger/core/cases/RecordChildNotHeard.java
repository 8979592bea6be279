package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record why the child was not heard during the investigation. */
public record RecordChildNotHeard(
        @TargetAggregateIdentifier CaseId caseId,
        String reason,
        Envelope envelope) implements CaseCommand {

    /** The most characters {@code reason} may have; the API's OpenAPI document states this limit. */
    public static final int REASON_LIMIT = 10_000;

    public RecordChildNotHeard {
        Require.present(caseId, "caseId");
        Require.text(reason, "reason", REASON_LIMIT);
        Require.present(envelope, "envelope");
    }
}
