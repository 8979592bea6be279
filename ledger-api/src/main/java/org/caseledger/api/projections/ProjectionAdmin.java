package org.caseledger.api.projections;

import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.projections.caseview.CaseViewProjection;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read models' processors: how far each has come, and rebuilding one by replaying every event into it from
 * an empty table. While a rebuild runs, the case view falls back to folding the stored events, and lists say so.
 */
@Component
public class ProjectionAdmin {

    /** Where a projection stands: its position in the global order against the newest event, and whether it replays. */
    public record Status(String name, boolean running, boolean replaying, long position, long head, double progress,
                         String error) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    public ProjectionAdmin(EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    public List<Status> statuses() {
        long head = head();
        return names().stream().map(name -> status(name, head)).toList();
    }

    public Status status(String name) {
        return status(name, head());
    }

    public boolean rebuilding(String name) {
        return processor(name).isReplaying();
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

    /** Stops the processor, resets its position (its reset handler empties its tables) and starts it replaying. */
    public Status rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(name);
    }

    /**
     * The read models that can be rebuilt. The access index is not among them: it is written in the appending
     * transaction itself, so it never lags and is never replayed.
     */
    public List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(processor -> processor.getValue() instanceof StreamingEventProcessor)
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }

    private Status status(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        long position = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(current -> current.orElse(0))
                .min().orElse(0);
        String error = processor.processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(status -> String.valueOf(status.getError()))
                .findFirst().orElse(null);
        double progress = head == 0 ? 1.0 : Math.min(1.0, (double) position / head);
        return new Status(name, processor.isRunning(), processor.isReplaying(), position, head, progress, error);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("there is no projection called " + name));
    }

    private long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }
}
