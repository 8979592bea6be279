package org.caseledger.api.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.caseview.CaseViewRepository;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a case. The view comes from the projection when it has caught up with the case's stream; right
 * after a write it may not have, and then the same fold is run over the stored events, so a client always
 * reads what it just wrote.
 */
@Component
class CaseReader {

    /** One stored event as the history shows it: its place in the stream, its type, its envelope and its data. */
    record HistoryEntry(long sequenceNumber, String eventId, String type, String revision, Instant storedAt,
                        Envelope envelope, Map<String, Object> data) {
    }

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final EventStore eventStore;
    private final CaseViewRepository views;
    private final JsonMapper json;

    CaseReader(EventStore eventStore, CaseViewRepository views, JsonMapper json) {
        this.eventStore = eventStore;
        this.views = views;
        this.json = json;
    }

    CaseView view(CaseId caseId) {
        long current = currentVersion(caseId);
        Optional<CaseView> stored = views.find(caseId);
        if (stored.isPresent() && stored.get().version == current) {
            return stored.get();
        }
        List<CaseEvent> events = new ArrayList<>();
        stream(caseId).asStream().forEach(message -> events.add((CaseEvent) message.getPayload()));
        return CaseViewFold.fold(events);
    }

    List<HistoryEntry> history(CaseId caseId) {
        currentVersion(caseId);
        return stream(caseId).asStream().map(this::entry).toList();
    }

    private long currentVersion(CaseId caseId) {
        return eventStore.lastSequenceNumberFor(caseId.toString())
                .orElseThrow(() -> new NotFoundException("there is no case with id " + caseId));
    }

    private DomainEventStream stream(CaseId caseId) {
        return eventStore.readEvents(caseId.toString());
    }

    private HistoryEntry entry(DomainEventMessage<?> message) {
        CaseEvent event = (CaseEvent) message.getPayload();
        Map<String, Object> data = json.convertValue(event, FIELDS);
        data.remove("envelope");
        Revision revision = event.getClass().getAnnotation(Revision.class);
        return new HistoryEntry(message.getSequenceNumber(), message.getIdentifier(), event.getClass().getSimpleName(),
                revision == null ? null : revision.value(), message.getTimestamp(), event.envelope(), data);
    }
}
