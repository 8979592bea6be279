package org.caseledger.api.web;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerEvent;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored events of one stream, in order, each with its place, type, envelope and data: what an auditor replays. */
@Component
public class EventHistory {

    /**
     * One stored event: its place in the stream, its type and revision, its envelope and its data. All of it is
     * covered by the event's hash (docs/integrity.md); the envelope's recordedAt is the time of recording.
     */
    public record Entry(long sequenceNumber, String eventId, String type, String revision, Envelope envelope,
                        Map<String, Object> data) {
    }

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final EventStore eventStore;
    private final JsonMapper json;

    public EventHistory(EventStore eventStore, JsonMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    /**
     * The version of a stream of the given kind: the sequence number of its last event. A stream of another kind
     * (a person's id in a case's URL) is as unknown as no stream at all.
     */
    public long version(Object aggregateId, Class<? extends LedgerEvent> kind) {
        String id = aggregateId.toString();
        long version = eventStore.lastSequenceNumberFor(id).orElseThrow(() -> notFound(aggregateId, kind));
        Object first = eventStore.readEvents(id, 0).asStream().findFirst().map(DomainEventMessage::getPayload).orElse(null);
        if (!kind.isInstance(first)) {
            throw notFound(aggregateId, kind);
        }
        return version;
    }

    public List<LedgerEvent> events(Object aggregateId) {
        return eventStore.readEvents(aggregateId.toString()).asStream()
                .map(message -> (LedgerEvent) message.getPayload())
                .toList();
    }

    public List<Entry> entries(Object aggregateId, Class<? extends LedgerEvent> kind) {
        version(aggregateId, kind);
        return eventStore.readEvents(aggregateId.toString()).asStream().map(this::entry).toList();
    }

    private static NotFoundException notFound(Object aggregateId, Class<? extends LedgerEvent> kind) {
        String name = kind.getSimpleName().replace("Event", "").toLowerCase();
        return new NotFoundException("there is no " + name + " with id " + aggregateId);
    }

    private Entry entry(DomainEventMessage<?> message) {
        LedgerEvent event = (LedgerEvent) message.getPayload();
        Map<String, Object> data = json.convertValue(event, FIELDS);
        data.remove("envelope");
        Revision revision = event.getClass().getAnnotation(Revision.class);
        return new Entry(message.getSequenceNumber(), message.getIdentifier(), event.getClass().getSimpleName(),
                revision == null ? null : revision.value(), event.envelope(), data);
    }
}
