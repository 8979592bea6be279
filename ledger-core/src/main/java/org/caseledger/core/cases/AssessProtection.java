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

    /** The most characters {@code rationale} may have; the API's OpenAPI document states this limit. */
    public static final int RATIONALE_LIMIT = 10_000;

    public AssessProtection {
        Require.present(caseId, "caseId");
        Require.present(reportId, "reportId");
        Require.text(rationale, "rationale", RATIONALE_LIMIT);
        Require.present(envelope, "envelope");
    }
}
