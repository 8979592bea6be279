package org.caseledger.api.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's pooled processor on its in-memory event store and token store, with one handler that records what it is
 * handed: enough of Axon to watch the behaviour the read models' machinery relies on, without Spring or a database.
 */
final class InMemoryAxon implements AutoCloseable {

    static final String PROCESSOR = "read-models";

    /** An event of the tests: which stream and which number in it. */
    record Noted(String stream, long number) {
    }

    /**
     * The one handler: records every payload and whether it was handed over as a replay, and, as the read models'
     * batch does, each batch it wrote when its unit of work was about to commit. It can be held before handling
     * anything, and can fail on one event.
     */
    static final class Recorder {

        final List<Noted> handled = new CopyOnWriteArrayList<>();
        final List<ReplayStatus> statuses = new CopyOnWriteArrayList<>();
        final List<Integer> batchesWritten = new CopyOnWriteArrayList<>();
        private final CountDownLatch held = new CountDownLatch(1);
        private volatile boolean holding;
        private volatile Noted failOn;

        void hold() {
            holding = true;
        }

        void release() {
            held.countDown();
        }

        void failOn(Noted event) {
            failOn = event;
        }

        void forget() {
            handled.clear();
            statuses.clear();
            batchesWritten.clear();
        }

        @EventHandler
        void on(Noted noted, ReplayStatus status) throws InterruptedException {
            if (holding) {
                held.await(30, TimeUnit.SECONDS);
            }
            if (noted.equals(failOn)) {
                throw new IllegalStateException("failing on " + noted);
            }
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            List<Noted> batch = root.getOrComputeResource("test-batch", key -> {
                List<Noted> events = new ArrayList<>();
                root.onPrepareCommit(unitOfWork -> batchesWritten.add(events.size()));
                return events;
            });
            batch.add(noted);
            handled.add(noted);
            statuses.add(status);
        }
    }

    final InMemoryEventStorageEngine storageEngine = new InMemoryEventStorageEngine();
    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(storageEngine).build();
    final Recorder recorder = new Recorder();
    final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
    private final ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
    final TokenStore tokenStore;
    final PooledStreamingEventProcessor processor;

    InMemoryAxon(UnaryOperator<PooledStreamingEventProcessor.Builder> configured) {
        this(new InMemoryTokenStore(), configured);
    }

    InMemoryAxon(TokenStore tokenStore, UnaryOperator<PooledStreamingEventProcessor.Builder> configured) {
        this.tokenStore = tokenStore;
        this.processor = configured.apply(PooledStreamingEventProcessor.builder()
                        .name(PROCESSOR)
                        .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(recorder)
                                // As the ledger configures its read models: a handler's failure fails the batch.
                                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                        .messageSource(eventStore)
                        .tokenStore(tokenStore)
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .coordinatorExecutor(coordinator)
                        .workerExecutor(workers))
                .build();
    }

    /** Appends {@code count} events, each of a stream of its own; the events, in the order appended. */
    List<Noted> append(int count) {
        List<Noted> appended = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Noted noted = new Noted("stream-" + UUID.randomUUID(), 0);
            eventStore.publish(new GenericDomainEventMessage<>("Test", noted.stream(), noted.number(), noted));
            appended.add(noted);
        }
        return appended;
    }

    @Override
    public void close() {
        recorder.release();
        processor.shutDown();
        workers.shutdownNow();
        coordinator.shutdownNow();
        eventStore.shutDown();
    }
}
