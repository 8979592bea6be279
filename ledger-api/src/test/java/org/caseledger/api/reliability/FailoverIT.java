package org.caseledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.caseledger.api.support.FailoverCluster;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerNode;
import org.caseledger.api.support.PostgresInstallation;
import org.caseledger.api.support.ReadModels;
import org.caseledger.api.support.WitnessProcess;
import org.caseledger.api.support.WritingClients;
import org.caseledger.api.support.WritingClients.Attempt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The database's primary host is lost and pg_auto_failover promotes the standby (docs/operations.md, "High
 * availability"). The ledger is the packaged application in a process of its own, connected with a URL that names both
 * data nodes, publishing its checkpoints to a witness run as an outside party runs it. The tests run in order on one
 * cluster: the first loses the primary under writes with a synchronous standby; the second brings the lost node back,
 * makes it an asynchronous standby, lets it fall behind and loses the primary again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {

    private static final int CLIENTS = 4;
    private static final Duration SWITCH_WITHIN = Duration.ofSeconds(60);
    private static final String ORIGIN = "case-ledger.test/failover";

    private final String run = "failover-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> started = new ArrayList<>();
    private FailoverCluster cluster;
    private WitnessProcess witness;
    private LedgerNode ledger;
    private JdbcClient jdbc;

    @BeforeAll
    void startTheClusterTheWitnessAndTheLedger() throws Exception {
        PostgresInstallation postgres = PostgresInstallation.requireAutoFailover();
        cluster = started(FailoverCluster.start(postgres, run));
        witness = started(WitnessProcess.prepare("witness.test/supervision", Files.createDirectories(Path.of("target", run, "witness"))));
        ledger = started(startLedger("ledger-1"));
        witness.start(ledger.http().anonymous().get("/api/v1/audit/log-key").text().strip());
        jdbc = JdbcClient.create(new DriverManagerDataSource(cluster.jdbcUrl(), "postgres", ""));
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    @Order(1)
    void givenASynchronousStandbyWhenThePrimaryIsLostUnderWritesThenTheLedgerRefusesWith503RecoversAndLosesNothing() throws Exception {
        // Given clients writing through the ledger as fast as it answers, on a primary with a synchronous standby
        WritingClients clients = WritingClients.on(ledger.http(), 6).start(CLIENTS);
        clients.awaitAcknowledged(40, attempt -> true, Duration.ofSeconds(120));
        FailoverCluster.DataNode standby = cluster.standbyOf(cluster.primary());

        // When the primary's host is lost
        Instant lost = cluster.losePrimary();
        Instant promoted = cluster.awaitPromotionOf(standby, SWITCH_WITHIN);
        clients.awaitAcknowledged(40, attempt -> attempt.sent().isAfter(promoted), SWITCH_WITHIN);
        List<Attempt> attempts = clients.stop();

        // Then every answer was a success or a 503, and every acknowledged command's events are there exactly once
        Map<String, Integer> events = WritingClients.eventsPerKey(jdbc);
        assertThat(attempts.stream().filter(attempt -> attempt.status() != null && !attempt.acknowledged()
                && !attempt.refusedAsUnavailable()).toList()).as("answers other than success or 503").isEmpty();
        List<Attempt> acknowledged = attempts.stream().filter(Attempt::acknowledged).toList();
        List<Attempt> notOnce = acknowledged.stream()
                .filter(attempt -> !Integer.valueOf(attempt.eventsExpected()).equals(events.get(attempt.key()))).toList();
        assertThat(notOnce).as("acknowledged commands not stored exactly once").isEmpty();
        // and every unacknowledged one is stored completely or not at all, and exactly once after a retry with its key
        int committedThoughRefused = 0;
        for (Attempt attempt : attempts.stream().filter(attempt -> !attempt.acknowledged()).toList()) {
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
        // and the whole ledger, sealed across the switch, verifies, and the read models catch up
        LedgerHttp http = ledger.http();
        assertThat(http.as("lars").post("/api/v1/audit/checkpoints", Map.of()).status()).isLessThan(300);
        LedgerHttp.Response verification = http.as("ivo").get("/api/v1/audit/verify");
        assertThat(verification.field("status")).as(verification.toString()).isEqualTo("INTACT");
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(120));

        Instant recovered = acknowledged.stream().filter(attempt -> attempt.sent().isAfter(lost)).map(Attempt::answered)
                .min(Instant::compareTo).orElseThrow();
        System.out.printf("Failover, synchronous standby: the standby took writes %.1f s after the primary was lost; the ledger "
                        + "acknowledged the first command sent after the loss %.1f s after it; %d commands sent, %d acknowledged, %d "
                        + "refused with 503 (%d of them had committed), %d unanswered, each unacknowledged one retried once by its key; "
                        + "acknowledged commands lost: %d; verify %s%n",
                seconds(lost, promoted), seconds(lost, recovered), attempts.size(), acknowledged.size(),
                attempts.stream().filter(Attempt::refusedAsUnavailable).count(), committedThoughRefused,
                attempts.stream().filter(attempt -> attempt.status() == null).count(), notOnce.size(), verification.field("status"));
    }

    @Test
    @Order(2)
    void givenAnAsynchronousStandbyThatFellBehindWhenThePrimaryIsLostThenTheWitnessFindsTheLostSuffixAndNothingIsSignedOverIt()
            throws Exception {
        // Given the lost node back as an asynchronous standby, holding everything sealed and witnessed so far
        FailoverCluster.DataNode primary = cluster.primary();
        FailoverCluster.DataNode standby = cluster.standbyOf(primary);
        if (!standby.keeper().isAlive()) {
            standby = cluster.rejoin(standby);
        }
        cluster.makeAsynchronous(standby);
        WritingClients clients = WritingClients.on(ledger.http(), 3);
        List<Attempt> kept = clients.sendAcknowledged(5);
        long replicated = witness.sealedAndCosigned(ledger.http(), ORIGIN);
        cluster.awaitStandbyCaughtUp();

        // When the standby falls behind while the primary acknowledges more and the witness cosigns it, and the primary is lost
        cluster.holdBackTheStandby();
        List<Attempt> lostWithThePrimary = clients.sendAcknowledged(6);
        long witnessed = witness.sealedAndCosigned(ledger.http(), ORIGIN);
        WitnessProcess.Cosigned cosigned = witness.cosigned(ORIGIN).orElseThrow();
        cluster.losePrimary();
        cluster.awaitPromotionOf(standby, SWITCH_WITHIN);

        // Then the node that sealed them refuses to seal over the database's older history: it remembers its checkpoint, or,
        // when the check of its own appends runs first, an event it appended while polling that the promoted standby lacks
        await().atMost(SWITCH_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> clients.sendOne().acknowledged());
        assertThat(ledger.http().as("lars").post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(409);
        JsonNode found = alarm(ledger).path("problem");
        assertThat(found.path("kind").asString() + ": " + found.path("detail").asString()).satisfiesAnyOf(
                detail -> assertThat(detail).startsWith("CHECKPOINT_ROLLED_BACK: ").contains("this node remembers checkpoint"),
                detail -> assertThat(detail).startsWith("EVENT_MISSING: ").contains("this node appended event"));
        ledger.kill();

        // and a node that remembers nothing, started on the promoted standby, learns it from the witness before it signs anything
        ledger = started(startLedger("ledger-2"));
        List<Attempt> afterwards = clients.through(ledger.http()).sendAcknowledged(4);
        LedgerHttp.Response sealing = ledger.http().as("lars").post("/api/v1/audit/checkpoints", Map.of());
        assertThat(sealing.status()).as(sealing.toString()).isEqualTo(409);
        JsonNode problem = alarm(ledger).path("problem");
        assertThat(problem.path("kind").asString()).isEqualTo("CHECKPOINT_ROLLED_BACK");
        assertThat(problem.path("detail").asString()).contains("witness " + witness.name() + " has cosigned a tree of " + witnessed);
        LedgerHttp.Response verification = ledger.http().as("ivo").get("/api/v1/audit/verify");
        assertThat(verification.field("status")).as(verification.toString()).isEqualTo("BROKEN");
        assertThat(verification.json().findValuesAsString("kind")).containsOnly("CHECKPOINT_ROLLED_BACK");
        long newest = jdbc.sql("SELECT max(tree_size) FROM ledger_checkpoint").query(Long.class).single();
        assertThat(newest).as("no checkpoint signed over the lost suffix").isEqualTo(replicated);
        assertThat(witness.cosigned(ORIGIN)).as("the witness keeps the tree it cosigned").contains(cosigned);
        // and exactly the commands acknowledged while the standby was behind are lost: as many events as the witness counts
        Map<String, Integer> events = WritingClients.eventsPerKey(jdbc);
        for (Attempt attempt : Stream.of(kept, afterwards).flatMap(List::stream).toList()) {
            assertThat(events.get(attempt.key())).as("events of " + attempt).isEqualTo(attempt.eventsExpected());
        }
        assertThat(lostWithThePrimary).allSatisfy(attempt -> assertThat(events).doesNotContainKey(attempt.key()));
        int eventsLost = lostWithThePrimary.stream().mapToInt(Attempt::eventsExpected).sum();
        assertThat(witnessed - newest).as("the events the witness cosigned beyond the database's newest checkpoint").isEqualTo(eventsLost);

        System.out.printf("Failover, asynchronous standby behind: %d acknowledged commands (%d events) were lost with the primary; the "
                        + "witness had cosigned a tree of %d, the promoted standby's newest checkpoint has %d; the node that sealed them "
                        + "refused to seal again (its memory), a node without memory refused before signing (the witness); no checkpoint "
                        + "signed over the lost suffix%n",
                lostWithThePrimary.size(), eventsLost, witnessed, newest);
    }

    private LedgerNode startLedger(String name) throws Exception {
        List<String> settings = new ArrayList<>(List.of(witness.ledgerSettings()));
        settings.add("--ledger.integrity.log-origin=" + ORIGIN);
        settings.add("--ledger.integrity.checkpoint-memory-file=" + Path.of("target", run, name + "-checkpoint-memory").toAbsolutePath());
        return LedgerNode.start(run + "/" + name, LedgerNode.freePort(), cluster.database(), run + "/keys", settings.toArray(String[]::new));
    }

    private static JsonNode alarm(LedgerNode node) {
        return node.http().as("eva").get("/api/v1/admin/integrity-alarm").json();
    }

    private <T extends AutoCloseable> T started(T resource) {
        started.add(resource);
        return resource;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
