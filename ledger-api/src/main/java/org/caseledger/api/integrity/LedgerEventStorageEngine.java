package org.caseledger.api.integrity;

import io.micrometer.core.instrument.Timer;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC engine, reading the global event stream with a serializer of its own. The stream is what the read
 * models' processors and their replays read, and they are given the personal data sealed, so that no fold or rebuild
 * opens any; an aggregate, and an answer read by aggregate, are given it opened by the event serializer. Each append is
 * timed ({@code ledger.append}, docs/operations.md, "Metrics").
 */
final class LedgerEventStorageEngine extends JdbcEventStorageEngine {

    private final Serializer streamSerializer;
    private final Timer appends;

    LedgerEventStorageEngine(Builder builder, Serializer streamSerializer, Timer appends) {
        super(builder);
        this.streamSerializer = streamSerializer;
        this.appends = appends;
    }

    /**
     * The events of one unit of work written to the store: the hash chain computed, the append lock taken and the rows
     * inserted, within the command's transaction (its commit is not part of it). Only appends that succeed are timed.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        long began = System.nanoTime();
        super.appendEvents(events, serializer);
        if (!events.isEmpty()) {
            appends.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return EventUtils.upcastAndDeserializeTrackedEvents(readEventData(trackingToken, mayBlock), streamSerializer, upcasterChain);
    }

    /**
     * One stream's events from its first, upcast and with personal data sealed as the global stream gives them: what a
     * read model folds a case again from, so that it stores no text opened.
     */
    List<Object> sealedPayloads(String aggregateIdentifier) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(readEventData(aggregateIdentifier, 0), streamSerializer, upcasterChain)
                .asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    /**
     * Every event of the aggregates of one type, upcast and with personal data sealed, in the order they were appended:
     * what the figures as of an instant read the outreach activities from (one event each).
     */
    List<DomainEventMessage<?>> sealedEventsOfType(String aggregateType) {
        List<? extends DomainEventData<?>> data = JdbcUtils.executeQuery(getConnection(), connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT " + domainEventFields() + " FROM " + schema().domainEventTable()
                    + " WHERE " + schema().typeColumn() + " = ? ORDER BY " + schema().globalIndexColumn());
            statement.setString(1, aggregateType);
            return statement;
        }, JdbcUtils.listResults(this::getDomainEventData), e -> new EventStoreException("the events of " + aggregateType + " could not be read", e));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(data.stream(), streamSerializer, upcasterChain).asStream()
                .<DomainEventMessage<?>>map(message -> message).toList();
    }
}
