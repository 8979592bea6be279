package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record the immediate protection assessment (skyddsbedömning) of a report. */
public record AssessProtection(
        @TargetAggregateIdentifier CaseId caseId,
        ReportId reportId,
        boolean immediateNeedOfProtection,
        String rationale,
        Envelope envelope) implements CaseCommand {

    public AssessProtection {
        Require.present(caseId, "caseId");
        Require.present(reportId, "reportId");
        Require.text(rationale, "rationale", 10000);
        Require.present(envelope, "envelope");
    }
}
