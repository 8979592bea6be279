package org.caseledger.api.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.caseledger.api.access.VisibleCases;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.streams.EventHistory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The events of the case files a member of staff may read, in global order, after a position and up to a settled one.
 * Events are read as an answer is (personal data opened, older revisions upcast) and rendered as the case history renders
 * them. At most {@value #SCAN} positions are looked at per page, so a reader who may see few cases still gets an answer
 * quickly; the page then ends where the look ended. The query walks the positions in order and looks each case up by
 * its key: a join on the case id as text let PostgreSQL's generic plan, chosen after a few pages, take seconds a page
 * over 100,000 case files (ListsAtVolumeIT).
 */
@Repository
class ChangeFeedQuery {

    /** Positions looked at per page at most. */
    static final long SCAN = 10_000;

    /** One change: its position in the ledger, its case, and the event. */
    record Change(long position, UUID caseId, EventHistory.Entry event) {
    }

    /** The changes found, and the position the look reached. */
    record Found(List<Change> changes, long reached) {
    }

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;
    private final EventHistory history;

    ChangeFeedQuery(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer, org.axonframework.config.Configuration axon,
                    EventHistory history) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
        this.history = history;
    }

    Found after(StaffUser staff, long after, long settled, int limit) {
        long until = Math.min(settled, after + SCAN);
        List<Object> params = new ArrayList<>(List.of(after, until));
        String visible = VisibleCases.condition(staff, params);
        params.add(limit);
        record Row(long position, String storedRevision, GenericDomainEventEntry<byte[]> entry) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT e.global_index, e.type, e.aggregate_identifier, e.sequence_number, e.event_identifier, e.time_stamp,
                               e.payload_type, e.payload_revision, e.payload, e.meta_data
                        FROM domain_event_entry e
                        WHERE e.global_index > ? AND e.global_index <= ? AND EXISTS (SELECT 1 FROM case_access c
                            WHERE c.case_id = CASE WHEN e.type = 'Case' THEN e.aggregate_identifier::uuid END AND %s)
                        ORDER BY e.global_index LIMIT ?
                        """.formatted(visible))
                .params(params)
                .query((rs, row) -> new Row(rs.getLong(1), rs.getString(8), new GenericDomainEventEntry<>(rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10))))
                .list();
        // one deserialization of the page, through the upcasters, as the event store reads a stream
        List<? extends DomainEventMessage<?>> messages = EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                rows.stream().map(Row::entry), serializer, axon.upcasterChain())).toList();
        List<Change> changes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            DomainEventMessage<?> message = messages.get(i);
            changes.add(new Change(rows.get(i).position(), UUID.fromString(message.getAggregateIdentifier()),
                    history.entry(message, rows.get(i).storedRevision())));
        }
        long reached = rows.size() == limit ? rows.get(rows.size() - 1).position() : until;
        return new Found(changes, reached);
    }
}
