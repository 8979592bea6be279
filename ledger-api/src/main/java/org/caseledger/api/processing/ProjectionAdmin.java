package org.caseledger.api.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.projections.readmodels.CaseViewProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read models' processors: how far each has come, and rebuilding one by replaying every event into it from
 * an empty table. While a rebuild runs, the case view falls back to folding the stored events, and lists say so.
 * <p>
 * The segments of a processor may be held by several nodes; what this node answers is read from the token store,
 * so every node gives the same picture, with its own segments as it holds them in memory (they are stored at the
 * end of each batch).
 */
@Component
public class ProjectionAdmin {

    /**
     * Where a projection stands: the lowest position of its segments in the global order against the newest event,
     * whether any segment replays, and which node holds which segment ({@code node} is the node answering).
     */
    public record Status(String name, boolean running, boolean replaying, long position, long head, double progress,
                         String error, String node, List<Segment> segments) {
    }

    /** One segment: the node holding it (none while it is handed over) and how far it has come. */
    public record Segment(int segment, String owner, boolean replaying, long position) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private static final Duration POLL = Duration.ofMillis(200);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final Serializer serializer;
    private final LedgerNodes nodes;
    private final ReadModelReplay replay;

    ProjectionAdmin(EventProcessingConfiguration processing, JdbcClient jdbc, TokenStore tokenStore,
                    TransactionManager transactionManager, Serializer serializer, LedgerNodes nodes, ReadModelReplay replay) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.serializer = serializer;
        this.nodes = nodes;
        this.replay = replay;
    }

    public List<Status> statuses() {
        long head = head();
        return names().stream().map(name -> status(name, head)).toList();
    }

    public Status status(String name) {
        return status(name, head());
    }

    /** Whether a rebuild is running, on this node or another. */
    public boolean rebuilding(String name) {
        StreamingEventProcessor processor = processor(name);
        return replay.replaying() || processor.isReplaying() || segments(name, processor).stream().anyMatch(Segment::replaying);
    }

    /**
     * An answer drawn from the read models: while they are being rebuilt it carries a {@code Warning} that the
     * figures are incomplete until the rebuild finishes.
     */
    public <T> ResponseEntity<T> answer(T body) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (rebuilding(CaseViewProjection.PROCESSING_GROUP)) {
            response.header("Warning", "199 - \"the read models are being rebuilt; these figures are incomplete until it finishes\"");
        }
        return response.body(body);
    }

    /**
     * Stops the processor, resets its position (its reset handler empties its tables) and replays every event into
     * it ({@link ReadModelReplay}), after which the processor starts again. Resetting takes the claim of every
     * segment, so the other nodes are first asked to release theirs (they see this node's mark at their next
     * heartbeat and let go at their next claim round) and a dead node's claims are waited out. If the segments are
     * not free in time, nothing is reset and this node processes on as before.
     */
    public Status rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        if (nodes.anotherRebuilding()) {
            throw refused("another node is rebuilding the read models; follow it at /api/v1/admin/projections");
        }
        if (!replay.begin()) {
            throw refused("a rebuild is already running on this node; follow it at /api/v1/admin/projections");
        }
        Duration handOver = nodes.claimTimeout().multipliedBy(2).plusSeconds(10);
        nodes.markRebuilding(handOver.plusMinutes(1));
        Runnable resume = () -> {
            processor.start();
            nodes.unmarkRebuilding();
        };
        boolean replaying = false;
        try {
            processor.shutDown();
            awaitEverySegmentFree(name, handOver);
            try {
                processor.resetTokens();
            } catch (UnableToClaimTokenException e) {
                throw refused("another node claimed a segment while it was being reset, so nothing was "
                        + "reset; try again");
            }
            if (processor instanceof AbstractEventProcessor replayable) {
                // Once reset, a replay that cannot start is left to the processor, which replays from the reset tokens.
                replay.start(replayable, resume);
                replaying = true;
            }
        } finally {
            if (!replaying) {
                replay.abandon();
                resume.run();
            }
        }
        return status(name);
    }

    /**
     * The read models that can be rebuilt. The access index is not among them: it is written in the appending
     * transaction itself, so it never lags and is never replayed.
     */
    public List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(processor -> processor.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** A rebuild that does not start is the operator's to follow up: logged with its reason, answered 409. */
    private static RebuildRefusedException refused(String why) {
        log.info("Rebuild refused: {}", why);
        return new RebuildRefusedException(why);
    }

    private void awaitEverySegmentFree(String name, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (true) {
            int all = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(name)).length;
            int free = transactionManager.fetchInTransaction(() -> tokenStore.fetchAvailableSegments(name)).size();
            if (free >= all) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw refused((all - free) + " of the " + all + " segments are still held by other nodes after "
                        + atMost.toSeconds() + " s; nothing was reset");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw refused("interrupted while waiting for the other nodes to release their segments");
            }
        }
    }

    private Status status(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        List<Segment> segments = segments(name, processor);
        long position = segments.stream().mapToLong(Segment::position).min().orElse(0);
        boolean replaying = replay.replaying() || processor.isReplaying() || segments.stream().anyMatch(Segment::replaying);
        // The processor is stopped while this node replays into its read models, which are kept up all the same.
        boolean running = processor.isRunning() || replay.replaying();
        String error = processor.processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(status -> String.valueOf(status.getError()))
                .findFirst().orElse(null);
        double progress = head == 0 ? 1.0 : Math.min(1.0, (double) position / head);
        return new Status(name, running, replaying, position, head, progress, error, nodes.id(), segments);
    }

    /** A segment as read, before its position is known. */
    private record Read(int segment, String owner, boolean replaying, TrackingToken token) {
    }

    /**
     * Every segment of the processor: those this node holds as it holds them, the others as last stored. A segment
     * replays until it has passed the position it was reset at, as Axon counts it (a caught-up segment does not).
     */
    private List<Segment> segments(String name, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        List<Read> read = jdbc.sql("SELECT segment, owner, token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment")
                .param(name)
                .query((rs, row) -> {
                    int segment = rs.getInt(1);
                    EventTrackerStatus mine = held.get(segment);
                    if (mine != null) {
                        return new Read(segment, nodes.id(), !mine.isCaughtUp() && mine.isReplaying(), mine.getTrackingToken());
                    }
                    TrackingToken token = token(rs.getBytes(3), rs.getString(4));
                    boolean replaying = ReplayToken.isReplay(token) && position(token) < ReplayToken.getTokenAtReset(token).orElse(0);
                    return new Read(segment, rs.getString(2), replaying, token);
                })
                .list();
        Set<Long> committedGaps = committedGaps(read);
        return read.stream()
                .map(segment -> new Segment(segment.segment(), segment.owner(), segment.replaying(), processedUpTo(segment.token(), committedGaps)))
                .toList();
    }

    /**
     * How far a segment has surely come. A token's position can pass a gap: a position whose transaction had not
     * committed when the processor read past it. Once an event stands there, it is still to be processed, so the
     * segment has come only to just below it; a gap that stays empty was rolled back and holds nothing back.
     */
    private static long processedUpTo(TrackingToken token, Set<Long> committedGaps) {
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .flatMap(gapAware -> gapAware.getGaps().stream().filter(committedGaps::contains).findFirst())
                .map(gap -> gap - 1)
                .orElse(position(token));
    }

    /** The gaps of these tokens that now hold a committed event. */
    private Set<Long> committedGaps(List<Read> segments) {
        Long[] gaps = segments.stream()
                .flatMap(segment -> WrappedToken.unwrap(segment.token(), GapAwareTrackingToken.class).stream())
                .flatMap(gapAware -> gapAware.getGaps().stream())
                .distinct().toArray(Long[]::new);
        if (gaps.length == 0) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT global_index FROM domain_event_entry WHERE global_index = ANY(?)")
                .param((Object) gaps).query(Long.class).list());
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    private TrackingToken token(byte[] stored, String type) {
        if (stored == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class, type, null));
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("there is no projection called " + name));
    }

    private long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }
}
