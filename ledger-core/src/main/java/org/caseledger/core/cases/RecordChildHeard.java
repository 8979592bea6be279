package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record that the child was heard (barnsamtal). */
public record RecordChildHeard(
        @TargetAggregateIdentifier CaseId caseId,
        String summary,
        Envelope envelope) implements CaseCommand {

    /** The most characters {@code summary} may have; the API's OpenAPI document states this limit. */
    public static final int SUMMARY_LIMIT = 10_000;

    public RecordChildHeard {
        Require.present(caseId, "caseId");
        Require.text(summary, "summary", SUMMARY_LIMIT);
        Require.present(envelope, "envelope");
    }
}
