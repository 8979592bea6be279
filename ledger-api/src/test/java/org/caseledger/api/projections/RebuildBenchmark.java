package org.caseledger.api.projections;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caseledger.api.support.SyntheticCases;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.projections.caseview.CaseViewProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A benchmark, not a test: how fast every read model is rebuilt by replay. Appends {@code bench.events} events
 * (default 100,000; cases of 50 events: an opening and journal notes) to a database of its own with the processor
 * stopped, then rebuilds and times it until the processor is at the head. Run it with
 * {@code ./mvnw -pl ledger-api -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RebuildBenchmark
 * -Dbench.events=1000000}; it writes {@code target/benchmarks/rebuild-<events>.json}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RebuildBenchmark {

    private static final int EVENTS_PER_CASE = 50;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private ProjectionAdmin projections;

    @Autowired
    private EventProcessingConfiguration processing;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.another().registerIn(registry);
    }

    @Test
    void rebuildEveryReadModel() throws Exception {
        long events = Long.getLong("bench.events", 100_000);
        long cases = events / EVENTS_PER_CASE;
        processing.eventProcessor(CaseViewProjection.PROCESSING_GROUP).ifPresent(EventProcessor::shutDown);
        for (long c = 0; c < cases; c++) {
            List<GenericDomainEventMessage<LedgerEvent>> history = SyntheticCases.history(c, EVENTS_PER_CASE);
            transaction.executeWithoutResult(status -> eventStore.publish(history));
        }
        long start = System.nanoTime();
        projections.rebuild(CaseViewProjection.PROCESSING_GROUP);
        Duration rebuild = awaitHead();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Rebuild of every read model from %d events: %.0f s, %.0f events/s%n",
                cases * EVENTS_PER_CASE, seconds, cases * EVENTS_PER_CASE / seconds);
        Path report = Files.createDirectories(Path.of("target", "benchmarks")).resolve("rebuild-" + events + ".json");
        Files.writeString(report, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of(
                "events", cases * EVENTS_PER_CASE, "cores", Runtime.getRuntime().availableProcessors(),
                "rebuildSeconds", Math.round(seconds), "eventsPerSecond", Math.round(cases * EVENTS_PER_CASE / seconds),
                "waitedForRebuild", rebuild.toString())));
    }

    private Duration awaitHead() throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            ProjectionAdmin.Status status = projections.status(CaseViewProjection.PROCESSING_GROUP);
            if (!status.replaying() && status.position() == status.head()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(500);
        }
    }
}
