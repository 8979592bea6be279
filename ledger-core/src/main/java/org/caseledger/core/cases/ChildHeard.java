package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** The child was heard; the summary is personal data. */
@Revision("1")
public record ChildHeard(
        CaseId caseId,
        @PersonalData String summary,
        Envelope envelope) implements CaseEvent {

    public ChildHeard {
        Require.present(caseId, "caseId");
        Require.present(envelope, "envelope");
    }
}
