package org.caseledger.projections;

import java.util.List;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.compliance.ComplianceCheck;
import org.caseledger.projections.compliance.ComplianceChecks;
import org.caseledger.projections.metrics.MetricFact;
import org.caseledger.projections.metrics.MetricFacts;

/**
 * What the read models hold for one case once the processor has handled its events in the order they were recorded:
 * the view, the metric facts and the compliance checks, derived as the live processor derives them.
 */
public record Projected(CaseView view, List<MetricFact> facts, List<ComplianceCheck> checks) {

    public static Projected of(List<? extends CaseEvent> inRecordingOrder) {
        CaseView view = CaseViewFold.fold(inRecordingOrder);
        return new Projected(view, MetricFacts.of(view), ComplianceChecks.of(view));
    }
}
