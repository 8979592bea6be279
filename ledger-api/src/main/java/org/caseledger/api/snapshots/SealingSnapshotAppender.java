package org.caseledger.api.snapshots;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendSnapshotStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's insert of a snapshot, sealed: its metadata holds the hash of the stream's event at the snapshot's sequence
 * number, read in the snapshot's transaction, and the MAC of {@link SnapshotSealer}.
 * <p>
 * A snapshot replaces one stored at the same sequence number, where Axon's insert would fail on the key and keep the
 * stored one. Both were folded from the same events, unless the stored one was changed: an edited snapshot is then
 * replaced at the case's next snapshot, instead of being ignored on every load until the case has a new event.
 */
public final class SealingSnapshotAppender implements AppendSnapshotStatementBuilder {

    private final SnapshotSealer sealer;

    SealingSnapshotAppender(SnapshotSealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   DomainEventMessage<?> snapshot, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        if (dataType != byte[].class) {
            throw new IllegalArgumentException("snapshots are sealed over their stored bytes, not " + dataType);
        }
        byte[] eventHash = eventHash(connection, schema, snapshot);
        SerializedObject<byte[]> payload = snapshot.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = snapshot
                .andMetaData(sealer.seal(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), payload, eventHash))
                .serializeMetaData(serializer, byte[].class);
        String replace = Stream.of(schema.eventIdentifierColumn(), schema.typeColumn(), schema.timestampColumn(),
                        schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(), schema.metaDataColumn())
                .map(column -> column + " = EXCLUDED." + column)
                .collect(Collectors.joining(", "));
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.snapshotTable() + " ("
                + schema.domainEventFields() + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("
                + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + ") DO UPDATE SET " + replace);
        statement.setString(1, snapshot.getIdentifier());
        statement.setString(2, snapshot.getAggregateIdentifier());
        statement.setLong(3, snapshot.getSequenceNumber());
        statement.setString(4, snapshot.getType());
        timestampWriter.writeTimestamp(statement, 5, snapshot.getTimestamp());
        statement.setString(6, payload.getType().getName());
        statement.setString(7, payload.getType().getRevision());
        statement.setBytes(8, payload.getData());
        statement.setBytes(9, metaData.getData());
        return statement;
    }

    private static byte[] eventHash(Connection connection, EventSchema schema, DomainEventMessage<?> snapshot)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ChainHashes.query(schema))) {
            query.setString(1, snapshot.getAggregateIdentifier());
            query.setLong(2, snapshot.getSequenceNumber());
            try (ResultSet event = query.executeQuery()) {
                if (!event.next()) {
                    throw new IllegalStateException("event " + snapshot.getSequenceNumber() + " of "
                            + snapshot.getAggregateIdentifier() + " is not stored: refusing to seal a snapshot taken at it");
                }
                return event.getBytes(1);
            }
        }
    }
}
