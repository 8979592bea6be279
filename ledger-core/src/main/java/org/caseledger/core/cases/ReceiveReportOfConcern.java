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

    /** The most characters {@code summary} may have; the API's OpenAPI document states this limit. */
    public static final int SUMMARY_LIMIT = 10_000;

    public ReceiveReportOfConcern {
        Require.present(caseId, "caseId");
        Require.present(reportId, "reportId");
        Require.present(reporterType, "reporterType");
        Require.text(summary, "summary", SUMMARY_LIMIT);
        Require.present(receivedAt, "receivedAt");
        Require.present(envelope, "envelope");
    }
}
