package org.caseledger.api.snapshots;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The hash the chain stores for one event of a stream. */
@FunctionalInterface
interface ChainHashes {

    /** {@code null} when the stream has no event at that sequence number. */
    byte[] hashAt(String aggregateId, long sequenceNumber);

    /** One lookup by the stream's unique key (aggregate, sequence number), in the caller's transaction if any. */
    static ChainHashes stored(JdbcClient jdbc, EventSchema schema) {
        String sql = query(schema);
        return (aggregateId, sequenceNumber) -> jdbc.sql(sql).params(aggregateId, sequenceNumber)
                .query(byte[].class).optional().orElse(null);
    }

    /** The hash of the event at a stream's sequence number: parameters aggregate id, then sequence number. */
    static String query(EventSchema schema) {
        return "SELECT hash FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn()
                + " = ? AND " + schema.sequenceNumberColumn() + " = ?";
    }
}
