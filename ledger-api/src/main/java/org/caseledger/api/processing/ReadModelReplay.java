package org.caseledger.api.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Replays the stored events into a processor's read models after its tokens were reset, in pages of
 * {@value #PAGE} events, much faster than the processor itself would.
 * <p>
 * The pooled processor hands every event to each of its segments' work packages, which with one thread for four
 * segments left most of a replay's time in its coordinator, and deserializes on the single worker thread. Here one
 * thread reads the events in their global order, several deserialize whole pages at once, and one folds each page
 * through the processor's own handlers and interceptors in one transaction, which also stores every segment's token
 * at the page's last position. So the read models and the tokens always agree: if this node stops or dies part way,
 * the processor (here or on another node, once the claims time out) goes on replaying from the last page written.
 * When the replay has reached the newest event, the claims are released and the processor is started; it takes
 * the events appended since.
 * <p>
 * The storage engine hands the global stream out with personal data sealed, so deserializing reads no key and
 * decrypts nothing, whatever has been erased meanwhile.
 */
@Component
class ReadModelReplay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReplay.class);

    /** Events folded and written per transaction: the storage engine's fetch size, so a page is read in a query or two. */
    static final int PAGE = 1_000;
    /** Pages deserialized ahead of the fold; enough to keep every processor busy, little enough for the heap. */
    private static final int PAGES_AHEAD = 4;
    private static final Duration POLL = Duration.ofSeconds(1);

    private final EventStorageEngine storageEngine;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final LedgerNodes nodes;
    private final AtomicBoolean replaying = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile Thread thread;

    ReadModelReplay(EventStorageEngine storageEngine, TokenStore tokenStore, TransactionManager transactionManager,
                    LedgerNodes nodes) {
        this.storageEngine = storageEngine;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.nodes = nodes;
    }

    /** Whether this node is replaying, or about to: from {@link #begin()} until the replay has ended. */
    boolean replaying() {
        return replaying.get();
    }

    /**
     * Takes this node's one replay, before the processor is stopped and reset, so that a second rebuild asked for
     * meanwhile is refused instead of resetting the tables under a running replay. False if it is taken.
     */
    boolean begin() {
        return replaying.compareAndSet(false, true);
    }

    /** Gives the replay up when it could not be started after {@link #begin()}. */
    void abandon() {
        replaying.set(false);
    }

    /**
     * Claims every segment of the stopped processor, whose tokens were just reset, and replays into it on a thread of
     * its own; {@code whenDone} runs once the replay has ended, however it ended, unless the application is stopping.
     */
    void start(AbstractEventProcessor processor, Runnable whenDone) {
        if (!replaying.get()) {
            throw new IllegalStateException("a replay starts only after begin()");
        }
        Segments segments = transactionManager.fetchInTransaction(() -> Segments.claim(tokenStore, processor.getName()));
        Thread replay = new Thread(() -> replay(processor, segments, whenDone), "read-model-replay");
        replay.setDaemon(true);
        thread = replay;
        replay.start();
    }

    private void replay(AbstractEventProcessor processor, Segments segments, Runnable whenDone) {
        long start = System.nanoTime();
        long events = 0;
        AtomicInteger deserializerNumber = new AtomicInteger();
        ExecutorService deserializers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread deserializer = new Thread(runnable, "read-model-replay-deserializer-" + deserializerNumber.incrementAndGet());
            deserializer.setDaemon(true);
            return deserializer;
        });
        BlockingQueue<Page> pages = new ArrayBlockingQueue<>(PAGES_AHEAD);
        Thread reader = new Thread(() -> read(segments.lowest(), deserializers, pages), "read-model-replay-reader");
        reader.setDaemon(true);
        try {
            reader.start();
            MessageTokens tokens = new MessageTokens(segments.highestAtReset());
            while (running) {
                Page page = pages.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (page == null) {
                    continue;
                }
                List<TrackedEventMessage<?>> messages = page.messages().join();
                if (messages.isEmpty()) {
                    log.info("Replayed {} events into {} in {} ms", events, processor.getName(), (System.nanoTime() - start) / 1_000_000);
                    break;
                }
                fold(processor, segments, messages.get(messages.size() - 1).trackingToken(), tokens.of(messages));
                events += messages.size();
            }
            if (!running) {
                log.info("The replay into {} stopped with the application after {} events; the processor goes on from there",
                        processor.getName(), events);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("The replay into {} stopped after {} events; the processor goes on from there", processor.getName(), events, e);
        } finally {
            reader.interrupt();
            deserializers.shutdownNow();
            release(processor.getName(), segments);
            replaying.set(false);
            if (running) {
                whenDone.run();
            }
        }
    }

    /** A page on its way to the fold: its messages once deserialized (none at the end). */
    private record Page(CompletableFuture<List<TrackedEventMessage<?>>> messages) {

        static Page of(CompletableFuture<List<TrackedEventMessage<?>>> messages) {
            return new Page(messages);
        }
    }

    /**
     * Reads the events after {@code from} in pages and has each deserialized on the pool, handing the pages on in
     * their order; a page with no messages marks the end, and a failure to read is handed on for the fold to meet.
     */
    private void read(TrackingToken from, ExecutorService deserializers, BlockingQueue<Page> pages) {
        try (Stream<? extends TrackedEventMessage<?>> stream = storageEngine.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (events.hasNext()) {
                List<TrackedEventMessage<?>> read = new ArrayList<>(PAGE);
                while (read.size() < PAGE && events.hasNext()) {
                    read.add(events.next());
                }
                pages.put(Page.of(CompletableFuture.supplyAsync(() -> deserialized(read), deserializers)));
            }
            pages.put(Page.of(CompletableFuture.completedFuture(List.of())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            try {
                pages.put(Page.of(CompletableFuture.failedFuture(e)));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The page with every payload and its metadata deserialized. A message that cannot be deserialized is left as it
     * is: the fold meets the same failure, in the processor's unit of work, where it is handled as the processor would.
     */
    private static List<TrackedEventMessage<?>> deserialized(List<TrackedEventMessage<?>> page) {
        for (TrackedEventMessage<?> message : page) {
            try {
                message.getPayload();
                message.getMetaData();
            } catch (RuntimeException e) {
                // Without the exception: its message may quote a value of the event.
                log.debug("Left to the fold: the event at {} could not be deserialized", message.trackingToken());
            }
        }
        return page;
    }

    /**
     * Folds one page through the processor's interceptors and handlers, and stores the tokens at {@code reached}, the
     * storage engine's position after the page, in one transaction.
     */
    private void fold(AbstractEventProcessor processor, Segments segments, TrackingToken reached, List<TrackedEventMessage<?>> page)
            throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(page));
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.onPrepareCommit(committing -> {
            segments.advanceTo(reached, tokenStore, processor.getName());
            nodes.markRebuilding(markLasting());
        });
        ResultMessage<?> result = unitOfWork.executeWithResult(
                () -> new DefaultInterceptorChain<>(unitOfWork, processor.getHandlerInterceptors(), message -> {
                    processor.eventHandlerInvoker().handle(message, Segment.ROOT_SEGMENT);
                    return null;
                }).proceed(),
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("the page ending at " + reached + " could not be folded", result.exceptionResult());
        }
    }

    /** The mark that keeps other nodes from claiming segments, renewed with every page. */
    private Duration markLasting() {
        return nodes.claimTimeout().multipliedBy(3);
    }

    private void release(String processor, Segments segments) {
        try {
            transactionManager.executeInTransaction(() -> segments.release(tokenStore, processor));
        } catch (RuntimeException e) {
            log.warn("Could not release the segments of {}; they are free again once the claims time out", processor, e);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Stops a replay at the end of its page; the processor goes on from there when the application starts again. */
    @Override
    public void stop() {
        running = false;
        Thread replay = thread;
        if (replay != null) {
            try {
                replay.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before Axon's processors and the data source: a page being folded is still written. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /**
     * The tokens the messages are handed to the handlers with, as the processor would: a replay token while the
     * event is one the read models had seen before the reset. Of the segments' positions at the reset the highest
     * is taken, as the segment an event belongs to is the sequencing policy's to say.
     */
    private static final class MessageTokens {

        private TrackingToken current;

        MessageTokens(TrackingToken atReset) {
            this.current = atReset;
        }

        List<TrackedEventMessage<?>> of(List<TrackedEventMessage<?>> messages) {
            List<TrackedEventMessage<?>> tokened = new ArrayList<>(messages.size());
            for (TrackedEventMessage<?> message : messages) {
                current = WrappedToken.advance(current, message.trackingToken());
                tokened.add(message.withTrackingToken(current));
            }
            return tokened;
        }
    }

    /** The processor's segments as claimed for the replay, each with its token (a replay token after the reset). */
    private static final class Segments {

        private final int[] ids;
        private final TrackingToken[] tokens;

        private Segments(int[] ids, TrackingToken[] tokens) {
            this.ids = ids;
            this.tokens = tokens;
        }

        static Segments claim(TokenStore tokenStore, String processor) {
            int[] ids = tokenStore.fetchSegments(processor);
            TrackingToken[] tokens = new TrackingToken[ids.length];
            for (int i = 0; i < ids.length; i++) {
                tokens[i] = tokenStore.fetchToken(processor, ids[i]);
            }
            return new Segments(ids, tokens);
        }

        /** Where the replay starts: the lowest position any segment has reached (the tail, after a reset). */
        TrackingToken lowest() {
            TrackingToken lowest = null;
            for (TrackingToken token : tokens) {
                TrackingToken position = WrappedToken.unwrapLowerBound(token);
                if (position == null) {
                    return null;
                }
                lowest = lowest == null ? position : lowest.lowerBound(position);
            }
            return lowest;
        }

        /** The replay token of the segment that had come furthest before the reset, if any was reset. */
        TrackingToken highestAtReset() {
            TrackingToken highest = null;
            for (TrackingToken token : tokens) {
                if (ReplayToken.isReplay(token) && (highest == null
                        || ReplayToken.getTokenAtReset(token).orElse(0) > ReplayToken.getTokenAtReset(highest).orElse(0))) {
                    highest = token;
                }
            }
            return highest;
        }

        /**
         * Every segment has now handled the events up to {@code reached}; a replay token stays one until it has
         * passed the position it was reset at, so the status shows the replay as the processor's own would.
         */
        void advanceTo(TrackingToken reached, TokenStore tokenStore, String processor) {
            for (int i = 0; i < ids.length; i++) {
                tokens[i] = tokens[i] instanceof WrappedToken wrapped ? wrapped.advancedTo(reached) : reached;
                tokenStore.storeToken(tokens[i], processor, ids[i]);
            }
        }

        void release(TokenStore tokenStore, String processor) {
            for (int id : ids) {
                tokenStore.releaseClaim(processor, id);
            }
        }
    }
}
