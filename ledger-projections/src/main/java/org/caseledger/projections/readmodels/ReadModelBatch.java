package org.caseledger.projections.readmodels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.caseview.CaseViewRepository;
import org.caseledger.projections.caseview.StoredCaseEvents;
import org.caseledger.projections.compliance.ComplianceRepository;
import org.caseledger.projections.laterecording.LateRecording;
import org.caseledger.projections.laterecording.LateRecordingRepository;
import org.caseledger.projections.metrics.MetricFact;
import org.caseledger.projections.metrics.MetricFactRepository;

/**
 * What one batch of the processor changes in the read models, written once when the batch commits. A case with
 * fifty events in a batch is loaded once and stored once instead of fifty times, which is what makes a rebuild
 * of a million events take minutes rather than an hour; a live batch is usually one event and behaves as before.
 * The batch is a resource of the processor's unit of work, so it is written in the same transaction as the
 * processor's token, and dropped with it when the batch rolls back.
 */
final class ReadModelBatch {

    private static final String RESOURCE = ReadModelBatch.class.getName();

    private final CaseViewRepository views;
    private final ComplianceRepository compliance;
    private final MetricFactRepository metrics;
    private final LateRecordingRepository lateRecordings;
    private final StoredCaseEvents storedEvents;
    private final Map<String, CaseView> changed = new LinkedHashMap<>();
    private final Map<String, CaseView> loaded = new HashMap<>();
    private final List<MetricFactRepository.Produced> facts = new ArrayList<>();
    private final List<LateRecording> late = new ArrayList<>();

    private ReadModelBatch(CaseViewRepository views, ComplianceRepository compliance, MetricFactRepository metrics,
                           LateRecordingRepository lateRecordings, StoredCaseEvents storedEvents) {
        this.views = views;
        this.compliance = compliance;
        this.metrics = metrics;
        this.lateRecordings = lateRecordings;
        this.storedEvents = storedEvents;
    }

    /** The batch of the unit of work now running, started (and its write registered) on its first event. */
    static ReadModelBatch current(CaseViewRepository views, ComplianceRepository compliance, MetricFactRepository metrics,
                                  LateRecordingRepository lateRecordings, StoredCaseEvents storedEvents) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            ReadModelBatch batch = new ReadModelBatch(views, compliance, metrics, lateRecordings, storedEvents);
            batch.load(casesOf(root));
            root.onPrepareCommit(unitOfWork -> batch.write());
            return batch;
        });
    }

    /**
     * The cases whose events the unit of work holds: every event of a processor's batch, or its one event. Their views
     * are read in one query when the batch starts, where reading each when its first event comes took one query
     * per case (in a rebuild of ten-event cases, a fifth of the time).
     */
    private static List<CaseId> casesOf(UnitOfWork<?> root) {
        List<?> messages = root instanceof BatchingUnitOfWork<?> batching ? batching.getMessages() : List.of(root.getMessage());
        return messages.stream()
                .filter(message -> message instanceof DomainEventMessage<?> event && CaseEvent.class.isAssignableFrom(event.getPayloadType()))
                .map(message -> CaseId.of(((DomainEventMessage<?>) message).getAggregateIdentifier()))
                .distinct().toList();
    }

    private void load(List<CaseId> cases) {
        views.findAll(cases).forEach(view -> loaded.put(view.caseId, view));
        cases.forEach(caseId -> loaded.putIfAbsent(caseId.toString(), new CaseView()));
    }

    /** The case as this batch has left it so far, else as stored, else a case not yet opened. */
    CaseView view(CaseId caseId) {
        CaseView view = changed.get(caseId.toString());
        if (view != null) {
            return view;
        }
        view = loaded.get(caseId.toString());
        if (view == null) {
            view = views.stored(caseId).orElseGet(CaseView::new);
        }
        if (view.caseId != null && view.foldRevision < CaseViewFold.REVISION) {
            // Stored by an older fold, it lacks facts the current one derives from: folded again from the case's events
            // up to its version. Not while the batch is being set up: reading the event store uses the unit of work.
            view = CaseViewFold.fold(CaseViewFold.upToSequence(storedEvents.of(caseId), view.version));
            loaded.put(caseId.toString(), view);
        }
        return view;
    }

    void changed(CaseView view) {
        changed.put(view.caseId, view);
    }

    /** Metric facts of an outreach event; a case's facts are derived from its view when the batch is written. */
    void add(String stream, long sequenceNumber, List<MetricFact> produced) {
        if (!produced.isEmpty()) {
            facts.add(new MetricFactRepository.Produced(stream, sequenceNumber, produced));
        }
    }

    /** A decision or hearing recorded long after it happened, as judged when its event was folded in. */
    void late(LateRecording recording) {
        late.add(recording);
    }

    private void write() {
        List<CaseView> cases = List.copyOf(changed.values());
        views.saveAll(cases);
        compliance.replace(cases);
        metrics.replace(cases);
        metrics.addAll(facts);
        lateRecordings.addAll(late);
    }
}
