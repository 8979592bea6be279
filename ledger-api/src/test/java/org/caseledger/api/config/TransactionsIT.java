package org.caseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.ProjectionFailureProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Axon runs inside Spring's transactions: what a projection handler writes and the processor's token commit
 * together, so a handler that fails undoes what it wrote and the event is processed again, never skipped.
 */
class TransactionsIT extends IntegrationTest {

    @Autowired
    private TransactionManager axonTransactionManager;

    @Autowired
    private ProjectionFailureProbe probe;

    @Test
    void axonUsesSpringsTransactionManager() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void aFailingHandlerRollsBackWhatItWroteAndTheEventIsRetriedUntilItSucceeds() {
        // a time no other test's report has: the probe fails on the report received then
        Instant marker = Instant.parse("2026-03-02T08:15:00Z").minusMillis(ThreadLocalRandom.current().nextLong(1, 86_400_000L * 365));
        probe.failOn(marker);
        String caseId;
        try {
            Response opened = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN",
                    "child", Fixtures.registerChild(http), "household", UUID.randomUUID().toString(),
                    "receivedAt", marker.toString(), "report", Map.of("reporterType", "SCHOOL", "summary", "A report the probe fails on.")));
            assertThat(opened.status()).isEqualTo(201);
            caseId = opened.field("caseId");

            await().atMost(Duration.ofSeconds(60)).until(() -> probe.failures() >= 2);
            assertThat(probe.committedWrites(marker)).as("rows written by the failing handler that were committed").isZero();
            assertThat(caseViewVersion(caseId)).as("committed case view while the report fails").isNotEqualTo(Optional.of(1L));
        } finally {
            probe.heal();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> caseViewVersion(caseId).orElse(-1L) == 1L);
    }

    private Optional<Long> caseViewVersion(String caseId) {
        return jdbc.sql("SELECT version FROM case_view WHERE case_id = ?::uuid").param(caseId).query(Long.class).optional();
    }
}
