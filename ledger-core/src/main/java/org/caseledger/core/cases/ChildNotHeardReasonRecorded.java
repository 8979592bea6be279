package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** The reason the child was not heard was recorded. */
@Revision("1")
public record ChildNotHeardReasonRecorded(
        CaseId caseId,
        @PersonalData String reason,
        Envelope envelope) implements CaseEvent {

    public ChildNotHeardReasonRecorded {
        Require.present(caseId, "caseId");
        Require.present(envelope, "envelope");
    }
}
