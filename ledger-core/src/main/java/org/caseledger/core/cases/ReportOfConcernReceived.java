package org.caseledger.core.cases;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** A report of concern arrived; the summary is personal data. */
@Revision("1")
public record ReportOfConcernReceived(
        CaseId caseId,
        ReportId reportId,
        ReporterType reporterType,
        @PersonalData String summary,
        Instant receivedAt,
        Envelope envelope) implements CaseEvent {

    public ReportOfConcernReceived {
        Require.present(caseId, "caseId");
        Require.present(reportId, "reportId");
        Require.present(reporterType, "reporterType");
        Require.present(receivedAt, "receivedAt");
        Require.present(envelope, "envelope");
    }
}
