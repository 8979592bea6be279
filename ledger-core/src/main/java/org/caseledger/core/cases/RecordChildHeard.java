package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record that the child was heard (barnsamtal). */
public record RecordChildHeard(
        @TargetAggregateIdentifier CaseId caseId,
        String summary,
        Envelope envelope) implements CaseCommand {

    public RecordChildHeard {
        Require.present(caseId, "caseId");
        Require.text(summary, "summary", 10000);
        Require.present(envelope, "envelope");
    }
}
