package org.caseledger.api.streams;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored events of one stream, in order, each with its place, type, envelope and data: what an auditor replays. */
@Component
public class EventHistory {

    /**
     * One stored event: its place in the stream, its type, the revision it is stored in, its envelope and its data. The
     * data is the event itself but its envelope, in the event's current shape, so an event stored in an older revision is
     * shown upcast (docs/schema-evolution.md). The event's hash covers the stored bytes (docs/integrity.md), which the
     * case file export carries as they are; the envelope's recordedAt is the time of recording. The OpenAPI document
     * names the shape of each type's data.
     */
    public record Entry(long sequenceNumber, String eventId, String type, String revision, Envelope envelope,
                        @JsonIgnoreProperties("envelope") LedgerEvent data) {
    }

    private final EventStore eventStore;
    private final JdbcClient jdbc;

    public EventHistory(EventStore eventStore, JdbcClient jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /**
     * The version of a stream of the given kind: the sequence number of its last event. A stream of another kind
     * (a person's id in a case's URL) is as unknown as no stream at all. One indexed query, with no event
     * deserialized: every command and every read asks this first.
     */
    public long version(Object aggregateId, Class<? extends LedgerEvent> kind) {
        record Stream(Long version, String firstType) {
        }
        Stream stream = jdbc.sql("SELECT max(sequence_number), min(payload_type) FILTER (WHERE sequence_number = 0) "
                        + "FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId.toString())
                .query((rs, row) -> new Stream((Long) rs.getObject(1), rs.getString(2)))
                .single();
        if (stream.version() == null || !isOfKind(stream.firstType(), kind)) {
            throw notFound(aggregateId, kind);
        }
        return stream.version();
    }

    /**
     * Whether the stream exists: for a stream that begins with its first command (a household formed by its first member).
     * A stream of another kind is as unknown as it is to {@link #version}.
     */
    public boolean exists(Object aggregateId, Class<? extends LedgerEvent> kind) {
        String firstType = jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(aggregateId.toString()).query(String.class).optional().orElse(null);
        if (firstType == null) {
            return false;
        }
        if (!isOfKind(firstType, kind)) {
            throw notFound(aggregateId, kind);
        }
        return true;
    }

    private static boolean isOfKind(String payloadType, Class<? extends LedgerEvent> kind) {
        try {
            return payloadType != null && kind.isAssignableFrom(Class.forName(payloadType, false, kind.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Every event of the stream, from the first: the one-argument {@code readEvents} starts at the latest snapshot. */
    public List<LedgerEvent> events(Object aggregateId) {
        return eventStore.readEvents(aggregateId.toString(), 0).asStream()
                .map(message -> (LedgerEvent) message.getPayload())
                .toList();
    }

    public List<Entry> entries(Object aggregateId, Class<? extends LedgerEvent> kind) {
        return entries(aggregateId, kind, 0, Integer.MAX_VALUE);
    }

    /** The entries from a sequence number on, at most {@code limit} of them: a page of a long history. */
    public List<Entry> entries(Object aggregateId, Class<? extends LedgerEvent> kind, long from, int limit) {
        version(aggregateId, kind);
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(aggregateId.toString(), from).asStream().limit(limit).toList();
        Map<Long, String> storedRevisions = storedRevisions(aggregateId);
        return events.stream().map(message -> entry(message, storedRevisions.get(message.getSequenceNumber()))).toList();
    }

    /**
     * The revision each event is stored in, read after the events so that it covers all of them. The event store only
     * hands out events already upcast to the current revision.
     */
    private Map<Long, String> storedRevisions(Object aggregateId) {
        Map<Long, String> revisions = new HashMap<>();
        jdbc.sql("SELECT sequence_number, payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId.toString())
                .query(rs -> {
                    revisions.put(rs.getLong(1), rs.getString(2));
                });
        return revisions;
    }

    private static NotFoundException notFound(Object aggregateId, Class<? extends LedgerEvent> kind) {
        String name = kind.getSimpleName().replace("Event", "").toLowerCase();
        return new NotFoundException("there is no " + name + " with id " + aggregateId);
    }

    /** One event as an entry, given the revision it is stored in. */
    public Entry entry(DomainEventMessage<?> message, String storedRevision) {
        LedgerEvent event = (LedgerEvent) message.getPayload();
        return new Entry(message.getSequenceNumber(), message.getIdentifier(), event.getClass().getSimpleName(),
                storedRevision, event.envelope(), event);
    }
}
