package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** A running intervention was followed up; the summary is personal data. */
@Revision("1")
public record InterventionFollowedUp(
        CaseId caseId,
        InterventionId interventionId,
        @PersonalData String summary,
        Envelope envelope) implements CaseEvent {

    public InterventionFollowedUp {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.present(envelope, "envelope");
    }
}
