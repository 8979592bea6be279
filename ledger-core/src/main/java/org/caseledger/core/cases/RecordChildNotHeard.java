package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record why the child was not heard during the investigation. */
public record RecordChildNotHeard(
        @TargetAggregateIdentifier CaseId caseId,
        String reason,
        Envelope envelope) implements CaseCommand {

    public RecordChildNotHeard {
        Require.present(caseId, "caseId");
        Require.text(reason, "reason", 10000);
        Require.present(envelope, "envelope");
    }
}
