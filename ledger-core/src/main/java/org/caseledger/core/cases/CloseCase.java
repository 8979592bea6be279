package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Close the case. */
public record CloseCase(
        @TargetAggregateIdentifier CaseId caseId,
        String reason,
        Envelope envelope) implements CaseCommand {

    public CloseCase {
        Require.present(caseId, "caseId");
        Require.text(reason, "reason", 2000);
        Require.present(envelope, "envelope");
    }
}
