package org.caseledger.api.processing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.caseledger.core.cases.CaseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts a child's case files and the child's own stream in one sequence of the read models, and so in one segment:
 * a case event is sequenced by the case's child, every other event by its stream.
 * <p>
 * Axon's default, one sequence per stream, would put {@code PersonErased} and the case files it folds again in
 * different segments, processed at the same time by different threads or nodes. The erasure's fold could then
 * overwrite a newer view with an older one (events lost from the view), or a batch that read a case's events just
 * before the erasure could write their plaintext after the erasure's fold. In one sequence the child's events are
 * handled one after another, in the order of the ledger, as with a single segment.
 * <p>
 * The child is read from {@code case_access}, written in the transaction that opened the case, so it is there
 * before the read models see any event of the case; a case's child never changes, so it is kept in memory.
 */
@Component("readModelSequencing")
class ChildSequencing implements SequencingPolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ChildSequencing.class);
    private static final int REMEMBERED = 100_000;

    private final JdbcClient jdbc;
    private final Map<String, String> childOfCase = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    });

    ChildSequencing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The payload type is known without reading the payload, so no event is decrypted to be sorted. */
    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain && CaseEvent.class.isAssignableFrom(event.getPayloadType())) {
            return childOfCase.computeIfAbsent(domain.getAggregateIdentifier(), this::child);
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }

    private String child(String caseId) {
        Optional<UUID> child = jdbc.sql("SELECT child_id FROM case_access WHERE case_id = ?::uuid").param(caseId)
                .query(UUID.class).optional();
        if (child.isEmpty()) {
            log.warn("Case {} is not in the access index; its events are sequenced by the case, apart from its child's", caseId);
            return caseId;
        }
        return child.get().toString();
    }
}
