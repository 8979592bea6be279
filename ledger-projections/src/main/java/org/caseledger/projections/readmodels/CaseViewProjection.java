package org.caseledger.projections.readmodels;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.outreach.OutreachEvent;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.caseview.CaseViewRepository;
import org.caseledger.projections.caseview.StoredCaseEvents;
import org.caseledger.projections.compliance.ComplianceCheck;
import org.caseledger.projections.compliance.ComplianceChecks;
import org.caseledger.projections.compliance.ComplianceRepository;
import org.caseledger.projections.laterecording.LateRecordingRepository;
import org.caseledger.projections.laterecording.LateRecordings;
import org.caseledger.projections.metrics.MetricFactRepository;
import org.caseledger.projections.metrics.MetricFacts;
import org.springframework.stereotype.Component;

/**
 * Keeps the case read models up to date from a streaming event processor: each event is folded into its case's
 * view, and at the end of the processor's batch the changed views and their cases' compliance checks and metric facts
 * (both derived from the whole view, so a fact recorded late re-derives what it affects) are stored, with the outreach
 * events' metric facts and the decisions and hearings recorded long after they happened, in the processor's transaction together with its token. The events come with their personal
 * data sealed, and the views keep it so: an erasure changes nothing here.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
public class CaseViewProjection {

    /** The processing group of every read model: one processor, so they are always at the same position. */
    public static final String PROCESSING_GROUP = "read-models";

    private final CaseViewRepository repository;
    private final ComplianceRepository compliance;
    private final MetricFactRepository metrics;
    private final LateRecordingRepository lateRecordings;
    private final StoredCaseEvents storedEvents;

    public CaseViewProjection(CaseViewRepository repository, ComplianceRepository compliance, MetricFactRepository metrics,
                              LateRecordingRepository lateRecordings, StoredCaseEvents storedEvents) {
        this.repository = repository;
        this.compliance = compliance;
        this.metrics = metrics;
        this.lateRecordings = lateRecordings;
        this.storedEvents = storedEvents;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequenceNumber) {
        ReadModelBatch batch = batch();
        CaseView view = batch.view(event.caseId());
        if (sequenceNumber <= view.version) {
            return;
        }
        // Only a decision or a hearing recorded long after it happened is compared with the checks it found.
        List<ComplianceCheck> before = LateRecordings.watchedAndLate(event) ? ComplianceChecks.of(view) : null;
        CaseViewFold.apply(view, event, sequenceNumber);
        if (before != null) {
            LateRecordings.judge(event, sequenceNumber, before, view).ifPresent(batch::late);
        }
        batch.changed(view);
    }

    @EventHandler
    void on(OutreachEvent event, @SequenceNumber long sequenceNumber) {
        batch().add(event.activityId().toString(), sequenceNumber, MetricFacts.of(event));
    }

    private ReadModelBatch batch() {
        return ReadModelBatch.current(repository, compliance, metrics, lateRecordings, storedEvents);
    }

    @ResetHandler
    void onReset() {
        repository.deleteAll();
        compliance.deleteAll();
        metrics.deleteAll();
        lateRecordings.deleteAll();
    }
}
