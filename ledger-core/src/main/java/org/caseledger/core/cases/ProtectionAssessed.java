package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** The child's immediate need of protection was assessed for a report. */
@Revision("1")
public record ProtectionAssessed(
        CaseId caseId,
        ReportId reportId,
        boolean immediateNeedOfProtection,
        @PersonalData String rationale,
        Envelope envelope) implements CaseEvent {

    public ProtectionAssessed {
        Require.present(caseId, "caseId");
        Require.present(reportId, "reportId");
        Require.present(envelope, "envelope");
    }
}
