package org.caseledger.api.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.caseledger.core.integrity.CanonicalEnvelope;
import org.caseledger.verify.event.EventHash;
import org.caseledger.verify.primitives.Sha256;
import org.caseledger.core.shared.LedgerEvent;

/**
 * Axon's insert of new events, with the hash chain added: each event's row also holds the digests of its
 * envelope and of its payload bytes exactly as stored, the hash of the aggregate's previous event, its own hash and
 * its authenticator, all in the same statement and so the same transaction. Each aggregate has its own chain, so writers of
 * different cases never wait for each other.
 */
public class HashingEventAppender implements AppendEventsStatementBuilder {

    /** The authenticator of an event with a given hash ({@link EventAuthentication#authenticatorOf}). */
    private final UnaryOperator<byte[]> authenticatorOf;
    /** Told of each event appended, to remember it until sealed ({@link AppendedEvents}); may be absent. */
    private final AppendedEvents appended;

    public HashingEventAppender(UnaryOperator<byte[]> authenticatorOf) {
        this(authenticatorOf, null);
    }

    HashingEventAppender(UnaryOperator<byte[]> authenticatorOf, AppendedEvents appended) {
        this.authenticatorOf = authenticatorOf;
        this.appended = appended;
    }

    /**
     * Appending transactions share this lock until they end; the sealer takes it exclusively for a moment, so that
     * every global position below what it then reads has been committed or rolled back (see {@link CheckpointSealer}).
     */
    private static final String SHARED_LOCK = "pg_advisory_xact_lock_shared(hashtextextended('ledger-append', 0))";
    static final String APPEND_LOCK_SHARED = "SELECT " + SHARED_LOCK;
    static final String APPEND_LOCK_EXCLUSIVE = "SELECT pg_advisory_xact_lock(hashtextextended('ledger-append', 0))";

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                + schema.eventIdentifierColumn() + ", " + schema.aggregateIdentifierColumn() + ", "
                + schema.sequenceNumberColumn() + ", " + schema.typeColumn() + ", " + schema.timestampColumn() + ", "
                + schema.payloadTypeColumn() + ", " + schema.payloadRevisionColumn() + ", " + schema.payloadColumn() + ", "
                + schema.metaDataColumn() + ", envelope_digest, payload_digest, previous_hash, hash, authenticator)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Map<String, byte[]> lastHashes = new HashMap<>();
        boolean locked = false;
        for (EventMessage<?> message : events) {
            if (!(message instanceof DomainEventMessage<?> event)) {
                throw new IllegalArgumentException("the ledger only stores events of aggregates, not " + message.getPayloadType());
            }
            if (!(event.getPayload() instanceof LedgerEvent ledgerEvent)) {
                throw new IllegalArgumentException("the ledger only stores ledger events, not " + event.getPayloadType());
            }
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            byte[] previousHash = lastHashes.containsKey(event.getAggregateIdentifier())
                    ? lastHashes.get(event.getAggregateIdentifier())
                    : lockAndReadPreviousHash(connection, schema, event, locked);
            locked = true;
            EventHash input = new EventHash(event.getAggregateIdentifier(), event.getSequenceNumber(), event.getIdentifier(),
                    payload.getType().getName(), payload.getType().getRevision(),
                    CanonicalEnvelope.of(ledgerEvent.envelope()).digest(), Sha256.of(payload.getData()), previousHash);
            byte[] hash = input.compute();
            lastHashes.put(event.getAggregateIdentifier(), hash);

            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setBytes(8, payload.getData());
            statement.setBytes(9, metaData.getData());
            statement.setBytes(10, input.envelopeDigest());
            statement.setBytes(11, input.payloadDigest());
            statement.setBytes(12, previousHash);
            statement.setBytes(13, hash);
            statement.setBytes(14, authenticatorOf.apply(hash));
            if (appended != null) {
                appended.appending(event.getAggregateIdentifier(), event.getSequenceNumber(), hash);
            }
            statement.addBatch();
        }
        return statement;
    }

    /**
     * Reads the hash of the aggregate's previous event and, the first time in this append, takes the shared append
     * lock, in one round trip.
     */
    private static byte[] lockAndReadPreviousHash(Connection connection, EventSchema schema, DomainEventMessage<?> event,
                                                  boolean locked) throws SQLException {
        if (event.getSequenceNumber() == 0) {
            if (!locked) {
                try (PreparedStatement lock = connection.prepareStatement(APPEND_LOCK_SHARED)) {
                    lock.execute();
                }
            }
            return EventHash.GENESIS;
        }
        String previousHash = "(SELECT hash FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn()
                + " = ? AND " + schema.sequenceNumberColumn() + " = ?)";
        String sql = "SELECT " + previousHash + (locked ? "" : ", " + SHARED_LOCK);
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, event.getAggregateIdentifier());
            query.setLong(2, event.getSequenceNumber() - 1);
            try (ResultSet previous = query.executeQuery()) {
                previous.next();
                byte[] hash = previous.getBytes(1);
                if (hash == null) {
                    throw new IllegalStateException("event " + (event.getSequenceNumber() - 1) + " of "
                            + event.getAggregateIdentifier() + " is missing: refusing to extend a broken chain");
                }
                return hash;
            }
        }
    }
}
