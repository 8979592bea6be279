package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Close the case. */
public record CloseCase(
        @TargetAggregateIdentifier CaseId caseId,
        String reason,
        Envelope envelope) implements CaseCommand {

    /** The most characters {@code reason} may have; the API's OpenAPI document states this limit. */
    public static final int REASON_LIMIT = 2000;

    public CloseCase {
        Require.present(caseId, "caseId");
        Require.text(reason, "reason", REASON_LIMIT);
        Require.present(envelope, "envelope");
    }
}
