package org.caseledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.caseledger.api.support.ArchivedPostgres;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerNode;
import org.caseledger.api.support.PostgresInstallation;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.api.support.WitnessProcess;
import org.caseledger.api.support.WritingClients;
import org.caseledger.api.support.WritingClients.Attempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * A base backup and the WAL archive restored to a point in time into a fresh PostgreSQL, as docs/operations.md
 * ("Backups and restore") describes, and the ledger started on it: its verification, with the witness that cosigned
 * checkpoints after the point, tells exactly how much acknowledged history the restore left out, and the clients'
 * receipts name it. The ledger runs as the packaged application in a process of its own.
 */
class BackupRestoreIT {

    private static final String ORIGIN = "case-ledger.test/backup";

    private final String run = "backup-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void givenABaseBackupAndTheWalArchiveWhenRestoredToAPointInTimeThenVerifyAndTheWitnessTellWhatTheRestoreLeftOut() throws Exception {
        // Given a ledger on a server that archives its WAL, publishing its checkpoints to a witness, and a base backup
        PostgresInstallation postgres = PostgresInstallation.requireServer();
        Path archive = postgres.newDirectory("ledger-wal-archive-");
        Path backups = postgres.newDirectory("ledger-base-backups-");
        started(() -> PostgresInstallation.remove(archive));
        started(() -> PostgresInstallation.remove(backups));
        ArchivedPostgres original = started(ArchivedPostgres.initialise(postgres, run + "/original", archive));
        WitnessProcess witness = started(WitnessProcess.prepare("witness.test/archive", Files.createDirectories(Path.of("target", run, "witness"))));
        LedgerNode ledger = started(startLedger("ledger-1", original.database(), witness));
        witness.start(ledger.http().anonymous().get("/api/v1/audit/log-key").text().strip());
        WritingClients clients = WritingClients.on(ledger.http(), 3);
        List<Attempt> beforeTheBackup = clients.sendAcknowledged(5);
        witness.sealedAndCosigned(ledger.http(), ORIGIN);
        Instant backupBegan = Instant.now();
        Path baseBackup = original.baseBackup(backups);
        Duration backupTook = Duration.between(backupBegan, Instant.now());
        // and commands acknowledged, sealed and witnessed before the point in time, and after it
        List<Attempt> beforeThePoint = clients.sendAcknowledged(5);
        long sealedBeforeThePoint = witness.sealedAndCosigned(ledger.http(), ORIGIN);
        Thread.sleep(1_000);
        Instant point = Instant.now();
        Thread.sleep(1_000);
        List<Attempt> afterThePoint = clients.sendAcknowledged(6);
        long witnessed = witness.sealedAndCosigned(ledger.http(), ORIGIN);
        original.archiveCurrentSegment();
        // and then the server is lost, with the ledger node and its memory of the checkpoints it signed
        ledger.kill();
        original.close();

        // When the base backup is restored into a fresh server, its WAL replayed from the archive up to the point in time
        Instant restoreBegan = Instant.now();
        ArchivedPostgres restored = started(ArchivedPostgres.restore(postgres, run + "/restored", baseBackup, archive, point));
        Duration restoreTook = Duration.between(restoreBegan, Instant.now());
        // and a ledger node, with the ledger's keys but no memory of its checkpoints, is started on it
        LedgerNode onTheRestore = started(startLedger("ledger-2", restored.database(), witness));

        // Then verification finds every event and checkpoint the restore holds intact, and one problem: the witness has
        // cosigned a larger tree than the restore's newest checkpoint
        LedgerHttp.Response verification = onTheRestore.http().as("ivo").get("/api/v1/audit/verify");
        JsonNode report = verification.json();
        assertThat(report.path("status").asString()).as(verification.toString()).isEqualTo("BROKEN");
        assertThat(report.findValuesAsString("kind")).as(verification.toString()).containsOnly("CHECKPOINT_ROLLED_BACK");
        JsonNode problem = report.path("firstProblem");
        assertThat(problem.path("detail").asString()).contains("witness " + witness.name() + " has cosigned a tree of " + witnessed + " events",
                "the database's newest checkpoint has " + sealedBeforeThePoint);
        // and the clients' receipts: what was acknowledged before the point is there once, and exactly what was
        // acknowledged after it is missing, as many events as the witness counts beyond the restore's newest checkpoint
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(restored.database().url(), "postgres", ""));
        Map<String, Integer> events = WritingClients.eventsPerKey(jdbc);
        for (Attempt attempt : Stream.of(beforeTheBackup, beforeThePoint).flatMap(List::stream).toList()) {
            assertThat(events.get(attempt.key())).as("events of " + attempt).isEqualTo(attempt.eventsExpected());
        }
        List<Attempt> lost = Stream.of(beforeTheBackup, beforeThePoint, afterThePoint).flatMap(List::stream)
                .filter(attempt -> !events.containsKey(attempt.key())).toList();
        assertThat(lost).containsExactlyElementsOf(afterThePoint);
        int eventsLost = lost.stream().mapToInt(Attempt::eventsExpected).sum();
        assertThat(witnessed - sealedBeforeThePoint).as("the events the witness cosigned beyond the restore").isEqualTo(eventsLost);
        assertThat(witness.cosigned(ORIGIN).orElseThrow().size()).as("the witness keeps the larger tree").isEqualTo(witnessed);
        // and the restored ledger reads what it holds, personal data included, with the keys kept apart from the database
        Attempt note = beforeThePoint.stream().filter(attempt -> attempt.path().endsWith("/notes")).reduce((first, second) -> second)
                .orElseThrow();
        String history = onTheRestore.http().as("ivo").get(note.path().replace("/notes", "/history")).text();
        assertThat(history).contains((String) note.body().get("text"));

        System.out.printf("Backup and restore: base backup taken and verified in %.1f s; restored to a point in time and promoted in "
                        + "%.1f s; the restore holds %d events in its newest checkpoint, the witness had cosigned %d: verify names the "
                        + "difference, and the %d commands acknowledged after the point (%d events) are exactly the ones missing; nothing "
                        + "before the point lost%n",
                backupTook.toMillis() / 1000.0, restoreTook.toMillis() / 1000.0, sealedBeforeThePoint, witnessed, lost.size(), eventsLost);
    }

    private LedgerNode startLedger(String name, TestDatabase.Database database, WitnessProcess witness) throws Exception {
        List<String> settings = new ArrayList<>(List.of(witness.ledgerSettings()));
        settings.add("--ledger.integrity.log-origin=" + ORIGIN);
        settings.add("--ledger.integrity.checkpoint-memory-file=" + Path.of("target", run, name + "-checkpoint-memory").toAbsolutePath());
        return LedgerNode.start(run + "/" + name, LedgerNode.freePort(), database, run + "/keys", settings.toArray(String[]::new));
    }

    private <T extends AutoCloseable> T started(T resource) {
        started.add(resource);
        return resource;
    }
}
