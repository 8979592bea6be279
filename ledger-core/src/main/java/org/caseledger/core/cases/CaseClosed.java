package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** The case was closed; it takes no new facts. */
@Revision("1")
public record CaseClosed(
        CaseId caseId,
        @PersonalData String reason,
        Envelope envelope) implements CaseEvent {

    public CaseClosed {
        Require.present(caseId, "caseId");
        Require.present(envelope, "envelope");
    }
}
