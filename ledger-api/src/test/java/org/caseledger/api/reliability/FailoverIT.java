package org.caseledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.FailoverCluster;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerNode;
import org.caseledger.api.support.PostgresInstallation;
import org.caseledger.api.support.ReadModels;
import org.caseledger.api.support.WritingClients;
import org.caseledger.api.support.WritingClients.Attempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database's primary host is lost while clients write through the ledger's API, and pg_auto_failover promotes the
 * standby (docs/operations.md, "High availability"). The ledger is the packaged application in a process of its own,
 * connected with a URL that names both data nodes; nobody touches it during the switch.
 */
class FailoverIT {

    private static final int CLIENTS = 4;
    private static final Duration SWITCH_WITHIN = Duration.ofSeconds(60);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> started = new ArrayList<>();
    private PostgresInstallation postgres;

    @BeforeEach
    void needsPgAutoFailover() {
        postgres = PostgresInstallation.requireAutoFailover();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void givenASynchronousStandbyWhenThePrimaryIsLostUnderWritesThenTheLedgerRefusesWith503RecoversAndLosesNothing() throws Exception {
        // Given a ledger on a primary with a synchronous standby, and clients writing as fast as it answers
        FailoverCluster cluster = started(FailoverCluster.start(postgres, "failover-sync-" + run, FailoverCluster.Replication.SYNCHRONOUS));
        LedgerNode ledger = started(LedgerNode.start("failover-sync-" + run + "/ledger", LedgerNode.freePort(), cluster.database(),
                "failover-sync-" + run + "/keys", "--ledger.integrity.checkpoint-memory-file=" + memoryFile("failover-sync-" + run)));
        WritingClients clients = WritingClients.on(ledger.http(), 6).start(CLIENTS);
        clients.awaitAcknowledged(40, attempt -> true, Duration.ofSeconds(120));
        FailoverCluster.DataNode standby = cluster.standbyOf(cluster.primary());

        // When the primary's host is lost
        Instant lost = cluster.losePrimary();
        Instant promoted = cluster.awaitPromotionOf(standby, SWITCH_WITHIN);
        clients.awaitAcknowledged(40, attempt -> attempt.sent().isAfter(promoted), SWITCH_WITHIN);
        List<Attempt> attempts = clients.stop();

        // Then every answer was a success or a 503, and every acknowledged command's events are there exactly once
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(cluster.jdbcUrl(), "postgres", ""));
        Map<String, Integer> events = WritingClients.eventsPerKey(jdbc);
        assertThat(attempts.stream().filter(attempt -> attempt.status() != null && !attempt.acknowledged()
                && !attempt.refusedAsUnavailable()).toList()).as("answers other than success or 503").isEmpty();
        List<Attempt> acknowledged = attempts.stream().filter(Attempt::acknowledged).toList();
        List<Attempt> lostOrDoubled = acknowledged.stream().filter(attempt -> !Integer.valueOf(attempt.eventsExpected()).equals(events.get(attempt.key())))
                .toList();
        assertThat(lostOrDoubled).as("acknowledged commands not stored exactly once").isEmpty();
        // and every unacknowledged one is stored completely or not at all, and once more by a retry with its key
        List<Attempt> unacknowledged = attempts.stream().filter(attempt -> !attempt.acknowledged()).toList();
        int committedThoughRefused = 0;
        for (Attempt attempt : unacknowledged) {
            Integer stored = events.get(attempt.key());
            assertThat(stored == null || stored == attempt.eventsExpected()).as("events of unacknowledged " + attempt).isTrue();
            committedThoughRefused += stored == null ? 0 : 1;
            Attempt retried = clients.retry(attempt);
            assertThat(retried.acknowledged()).as("the retry of " + attempt + ": " + retried).isTrue();
        }
        Map<String, Integer> afterRetries = WritingClients.eventsPerKey(jdbc);
        for (Attempt attempt : attempts) {
            assertThat(afterRetries.get(attempt.key())).as("events after the retries of " + attempt).isEqualTo(attempt.eventsExpected());
        }
        // and the whole ledger verifies, sealed across the switch, and the read models catch up
        LedgerHttp http = ledger.http();
        assertThat(http.as("lars").post("/api/v1/audit/checkpoints", Map.of()).status()).isLessThan(300);
        LedgerHttp.Response verification = http.as("ivo").get("/api/v1/audit/verify");
        assertThat(verification.field("status")).as(verification.toString()).isEqualTo("INTACT");
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(120));

        Instant recovered = acknowledged.stream().filter(attempt -> attempt.sent().isAfter(lost)).map(Attempt::answered).min(Instant::compareTo)
                .orElseThrow();
        System.out.printf("Failover, synchronous standby: the standby accepted writes %.1f s after the primary was lost; the ledger "
                        + "acknowledged the first command sent after the loss %.1f s after it; %d commands sent, %d acknowledged, %d refused "
                        + "with 503 (%d of which had committed), %d unanswered; each unacknowledged one retried once by its key; events "
                        + "lost: %d; verify %s%n",
                seconds(lost, promoted), seconds(lost, recovered), attempts.size(), acknowledged.size(),
                attempts.stream().filter(Attempt::refusedAsUnavailable).count(), committedThoughRefused,
                attempts.stream().filter(attempt -> attempt.status() == null).count(), lostOrDoubled.size(), verification.field("status"));
    }

    private <T extends AutoCloseable> T started(T resource) {
        started.add(resource);
        return resource;
    }

    private static Path memoryFile(String name) {
        return Path.of("target", name, "checkpoint-memory").toAbsolutePath();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
