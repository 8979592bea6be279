package org.caseledger.core.cases;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record a report of concern (orosanmälan) about the child of the case. */
public record ReceiveReportOfConcern(
        @TargetAggregateIdentifier CaseId caseId,
        ReportId reportId,
        ReporterType reporterType,
        String summary,
        Instant receivedAt,
        Envelope envelope) implements CaseCommand {

    public ReceiveReportOfConcern {
        Require.present(caseId, "caseId");
        Require.present(reportId, "reportId");
        Require.present(reporterType, "reporterType");
        Require.text(summary, "summary", 10000);
        Require.present(receivedAt, "receivedAt");
        Require.present(envelope, "envelope");
    }
}
