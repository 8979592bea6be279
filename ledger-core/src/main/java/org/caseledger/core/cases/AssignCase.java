package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.StaffId;

/** Assign the case to a case worker. */
public record AssignCase(
        @TargetAggregateIdentifier CaseId caseId,
        StaffId assignee,
        Envelope envelope) implements CaseCommand {

    public AssignCase {
        Require.present(caseId, "caseId");
        Require.present(assignee, "assignee");
        Require.present(envelope, "envelope");
    }
}
