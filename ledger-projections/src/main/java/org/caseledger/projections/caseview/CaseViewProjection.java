package org.caseledger.projections.caseview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.outreach.OutreachEvent;
import org.caseledger.projections.compliance.ComplianceChecks;
import org.caseledger.projections.compliance.ComplianceRepository;
import org.caseledger.projections.metrics.MetricFactRepository;
import org.caseledger.projections.metrics.MetricFacts;
import org.springframework.stereotype.Component;

/**
 * Keeps the case read models up to date from a streaming event processor: for each event the stored case view
 * is loaded, the event folded in, and the view, the case's compliance checks and the event's metric facts are
 * stored, all in the processor's transaction together with its token.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
public class CaseViewProjection {

    /** The processing group of every read model: one processor, so they are always at the same position. */
    public static final String PROCESSING_GROUP = "read-models";

    private final CaseViewRepository repository;
    private final ComplianceRepository compliance;
    private final MetricFactRepository metrics;

    public CaseViewProjection(CaseViewRepository repository, ComplianceRepository compliance, MetricFactRepository metrics) {
        this.repository = repository;
        this.compliance = compliance;
        this.metrics = metrics;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequenceNumber) {
        CaseView view = repository.find(event.caseId()).orElseGet(CaseView::new);
        if (sequenceNumber <= view.version) {
            return;
        }
        MetricFacts.Before before = MetricFacts.Before.of(view);
        CaseViewFold.apply(view, event, sequenceNumber);
        repository.save(view);
        compliance.replace(view, ComplianceChecks.of(view));
        metrics.add(view.caseId, sequenceNumber, MetricFacts.of(before, event, view));
    }

    @EventHandler
    void on(OutreachEvent event, @SequenceNumber long sequenceNumber) {
        metrics.add(event.activityId().toString(), sequenceNumber, MetricFacts.of(event));
    }

    @ResetHandler
    void onReset() {
        repository.deleteAll();
        compliance.deleteAll();
        metrics.deleteAll();
    }
}
