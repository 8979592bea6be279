package org.caseledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caseledger.api.processing.ProjectionAdmin;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.SyntheticCases;
import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.projections.readmodels.CaseViewProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that holds an appended event uncommitted while later events commit leaves a gap in the global
 * order. The read models must come back for it however far behind they were when they passed the gap.
 */
class SlowTransactionIT extends IntegrationTest {

    private static final Duration SLOW = Duration.ofMinutes(5);

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private ProjectionAdmin projections;

    @AfterEach
    void restoreTimeAndProcessor() {
        GenericEventMessage.clock = Clock.systemUTC();
        processor().start();
    }

    @Test
    void anEventCommittedMinutesAfterLaterEventsWereProjectedIsStillProjected() throws Exception {
        // Given the read models are stopped, as after a restart, and a transaction appends a case and stays open
        processor().shutDown();
        List<GenericDomainEventMessage<LedgerEvent>> slowCase = SyntheticCases.history(900_001, 2);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slowTransaction = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            eventStore.publish(slowCase);
            appended.countDown();
            await(commit);
        }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

        // and later events commit past it, and the read models resume only minutes later
        for (int c = 0; c < 5; c++) {
            List<GenericDomainEventMessage<LedgerEvent>> history = SyntheticCases.history(900_100 + c, 3);
            transaction.executeWithoutResult(status -> eventStore.publish(history));
        }
        GenericEventMessage.clock = Clock.offset(Clock.systemUTC(), SLOW);
        processor().start();
        awaitProjectedUpTo(head());

        // When the slow transaction finally commits
        commit.countDown();
        slowTransaction.get(30, TimeUnit.SECONDS);

        // Then its case reaches the read models all the same
        String caseId = slowCase.get(0).getAggregateIdentifier();
        assertThat(awaitCaseView(caseId)).as("the slow transaction's case in the case view").isEqualTo(1);
        assertThat(jdbc.sql("SELECT version FROM case_view WHERE case_id = ?::uuid").param(caseId).query(Long.class).single())
                .isEqualTo(1L);
    }

    private long head() {
        return jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
    }

    private void awaitProjectedUpTo(long position) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (projections.status(CaseViewProjection.PROCESSING_GROUP).position() < position && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(projections.status(CaseViewProjection.PROCESSING_GROUP).position()).isGreaterThanOrEqualTo(position);
    }

    private int awaitCaseView(String caseId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        int found = 0;
        while (found == 0 && Instant.now().isBefore(deadline)) {
            found = jdbc.sql("SELECT count(*) FROM case_view WHERE case_id = ?::uuid").param(caseId).query(Integer.class).single();
            Thread.sleep(100);
        }
        return found;
    }

    private EventProcessor processor() {
        return processing.eventProcessor(CaseViewProjection.PROCESSING_GROUP).orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the slow transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
