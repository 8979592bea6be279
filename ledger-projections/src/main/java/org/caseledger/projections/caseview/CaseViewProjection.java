package org.caseledger.projections.caseview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.outreach.OutreachEvent;
import org.caseledger.projections.compliance.ComplianceRepository;
import org.caseledger.projections.metrics.MetricFactRepository;
import org.caseledger.projections.metrics.MetricFacts;
import org.springframework.stereotype.Component;

/**
 * Keeps the case read models up to date from a streaming event processor: each event is folded into its case's
 * view, and at the end of the processor's batch the changed views, their cases' compliance checks and the
 * events' metric facts are stored, in the processor's transaction together with its token. The events come with their
 * personal data sealed, and the views keep it so: an erasure changes nothing here.
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
        ReadModelBatch batch = batch();
        CaseView view = batch.view(event.caseId());
        if (sequenceNumber <= view.version) {
            return;
        }
        MetricFacts.Before before = MetricFacts.Before.of(view);
        CaseViewFold.apply(view, event, sequenceNumber);
        batch.changed(view);
        batch.add(view.caseId, sequenceNumber, MetricFacts.of(before, event, view));
    }

    @EventHandler
    void on(OutreachEvent event, @SequenceNumber long sequenceNumber) {
        batch().add(event.activityId().toString(), sequenceNumber, MetricFacts.of(event));
    }

    private ReadModelBatch batch() {
        return ReadModelBatch.current(repository, compliance, metrics);
    }

    @ResetHandler
    void onReset() {
        repository.deleteAll();
        compliance.deleteAll();
        metrics.deleteAll();
    }
}
