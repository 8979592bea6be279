package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.StaffId;

/** The case was assigned to a case worker; the previous one, if any, is named. */
@Revision("1")
public record CaseAssigned(
        CaseId caseId,
        StaffId assignee,
        StaffId previousAssignee,
        Envelope envelope) implements CaseEvent {

    public CaseAssigned {
        Require.present(caseId, "caseId");
        Require.present(assignee, "assignee");
        Require.present(envelope, "envelope");
    }
}
