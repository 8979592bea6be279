package org.caseledger.projections.caseview;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.outreach.OutreachEvent;
import org.caseledger.core.person.PersonErased;
import org.caseledger.projections.compliance.ComplianceRepository;
import org.caseledger.projections.metrics.MetricFactRepository;
import org.caseledger.projections.metrics.MetricFacts;
import org.springframework.stereotype.Component;

/**
 * Keeps the case read models up to date from a streaming event processor: each event is folded into its case's
 * view, and at the end of the processor's batch the changed views, their cases' compliance checks and the
 * events' metric facts are stored, in the processor's transaction together with its token.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
public class CaseViewProjection {

    /** The processing group of every read model: one processor, so they are always at the same position. */
    public static final String PROCESSING_GROUP = "read-models";

    private final CaseViewRepository repository;
    private final ComplianceRepository compliance;
    private final MetricFactRepository metrics;
    private final EventStore eventStore;

    public CaseViewProjection(CaseViewRepository repository, ComplianceRepository compliance, MetricFactRepository metrics,
                              EventStore eventStore) {
        this.repository = repository;
        this.compliance = compliance;
        this.metrics = metrics;
        this.eventStore = eventStore;
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

    /**
     * A person was erased: the case views of their case files still hold the personal data they were built from.
     * Each is folded again from its stored events, which now read as erased, up to the event it had reached; the
     * metric facts drawn from them stay as they are. A rebuild after the erasure arrives at the same views.
     */
    @EventHandler
    void on(PersonErased event) {
        ReadModelBatch batch = batch();
        for (CaseId caseId : batch.casesOfChild(event.personId())) {
            batch.changed(foldedFromEvents(caseId, batch.reached(caseId)));
        }
    }

    /** The case's view folded from its stored events up to a sequence number. */
    private CaseView foldedFromEvents(CaseId caseId, long upTo) {
        // From the first event: the one-argument readEvents starts at the case's latest snapshot.
        List<CaseEvent> stored = eventStore.readEvents(caseId.toString(), 0).asStream()
                .filter(message -> message.getSequenceNumber() <= upTo)
                .map(message -> (CaseEvent) message.getPayload())
                .toList();
        return CaseViewFold.fold(stored);
    }

    private ReadModelBatch batch() {
        return ReadModelBatch.current(repository, compliance, metrics, this::foldedFromEvents);
    }

    @ResetHandler
    void onReset() {
        repository.deleteAll();
        compliance.deleteAll();
        metrics.deleteAll();
    }
}
