package org.caseledger.api.access;

import java.util.Iterator;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the access index by replaying every stored event, as the storage engine and its upcasters give them,
 * through {@link AccessIndex}'s own handlers: the only derivation there is. It runs in one transaction holding the
 * append lock exclusively, so no append interleaves and no reader sees a half-built index. At start-up it runs by
 * itself when the index lacks what the handlers keep (rows written before migrations V15, V18 and V25).
 */
@Component
public class AccessIndexReplay implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessIndexReplay.class);
    /** The appenders take this lock shared until their transaction ends (the integrity package's appender). */
    private static final String APPEND_LOCK_EXCLUSIVE = "SELECT pg_advisory_xact_lock(hashtextextended('ledger-append', 0))";

    private final EventStorageEngine storageEngine;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    AccessIndexReplay(EventStorageEngine storageEngine, EventProcessingConfiguration processing, JdbcClient jdbc,
                      TransactionTemplate transaction) {
        this.storageEngine = storageEngine;
        this.processing = processing;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean incomplete = jdbc.sql("SELECT EXISTS (SELECT 1 FROM case_access WHERE last_entry_at IS NULL OR opened_at IS NULL) "
                + "OR EXISTS (SELECT 1 FROM person_access WHERE last_entry_at IS NULL) "
                + "OR EXISTS (SELECT 1 FROM case_access c WHERE NOT EXISTS (SELECT 1 FROM household_member m "
                + "WHERE m.household_id = c.household_id AND m.person_id = c.child_id)) "
                + "OR EXISTS (SELECT 1 FROM household_activity a WHERE NOT EXISTS (SELECT 1 FROM household_outreach o "
                + "WHERE o.household_id = a.household_id))").query(Boolean.class).single();
        if (incomplete) {
            log.info("The access index holds rows written before the handlers kept all it holds now; rebuilding it");
            rebuild();
        }
    }

    /** Empties the index and folds every stored event into it again; answers the number of events folded. */
    public long rebuild() {
        SubscribingEventProcessor processor = processing.eventProcessor(AccessIndex.PROCESSING_GROUP, SubscribingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no subscribing processor " + AccessIndex.PROCESSING_GROUP));
        return transaction.execute(status -> {
            jdbc.sql(APPEND_LOCK_EXCLUSIVE).query((rs, row) -> 1).list();
            AccessIndex.TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
            long folded = 0;
            try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> each = events.iterator();
                while (each.hasNext()) {
                    TrackedEventMessage<?> event = each.next();
                    if (processor.eventHandlerInvoker().canHandleType(event.getPayloadType())) {
                        fold(processor, event);
                        folded++;
                    }
                }
            }
            log.info("Rebuilt the access index from {} events", folded);
            return folded;
        });
    }

    private static void fold(SubscribingEventProcessor processor, EventMessage<?> event) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            processor.eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
            unitOfWork.commit();
        } catch (Exception e) {
            unitOfWork.rollback(e);
            throw new IllegalStateException("the access index could not fold the event " + event.getIdentifier(), e);
        }
    }
}
