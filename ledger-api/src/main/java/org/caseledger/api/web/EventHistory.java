package org.caseledger.api.web;

import java.time.Instant;
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

    /** One stored event: its place in the stream, its type and revision, its envelope and its data. */
    public record Entry(long sequenceNumber, String eventId, String type, String revision, Instant storedAt,
                        Envelope envelope, Map<String, Object> data) {
    }

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final EventStore eventStore;
    private final JsonMapper json;

    public EventHistory(EventStore eventStore, JsonMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    /** The version of a stream: the sequence number of its last event. */
    public long version(Object aggregateId, String kind) {
        return eventStore.lastSequenceNumberFor(aggregateId.toString())
                .orElseThrow(() -> new NotFoundException("there is no " + kind + " with id " + aggregateId));
    }

    public List<LedgerEvent> events(Object aggregateId) {
        return eventStore.readEvents(aggregateId.toString()).asStream()
                .map(message -> (LedgerEvent) message.getPayload())
                .toList();
    }

    public List<Entry> entries(Object aggregateId, String kind) {
        version(aggregateId, kind);
        return eventStore.readEvents(aggregateId.toString()).asStream().map(this::entry).toList();
    }

    private Entry entry(DomainEventMessage<?> message) {
        LedgerEvent event = (LedgerEvent) message.getPayload();
        Map<String, Object> data = json.convertValue(event, FIELDS);
        data.remove("envelope");
        Revision revision = event.getClass().getAnnotation(Revision.class);
        return new Entry(message.getSequenceNumber(), message.getIdentifier(), event.getClass().getSimpleName(),
                revision == null ? null : revision.value(), message.getTimestamp(), event.envelope(), data);
    }
}
