package org.caseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caseledger.api.support.SyntheticCases;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.core.shared.LedgerEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No false alarms at scale, and no change missed at its end: 100,000 events across 2,000 cases, appended through the
 * hash-chaining storage engine, sealed and verified, in a database of their own. The case view processor is stopped here: this test is about
 * the ledger, and replaying 100,000 events into a read model is the projections' business.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LargeLedgerIT {

    private static final int CASES = 2_000;
    private static final int EVENTS_PER_CASE = 50;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private CheckpointSealer sealer;

    @Autowired
    private LedgerVerifier verifier;

    @Autowired
    private IntegrityAlarm alarm;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private JdbcClient jdbc;

    private static TestDatabase.Database database;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        database = TestDatabase.another();
        database.registerIn(registry);
    }

    @Test
    void aLedgerOfOneHundredThousandEventsVerifiesIntactWithNoFalseAlarmAndAChangeToItsLastRowsIsFound() throws SQLException {
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        long before = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();

        long appendStart = System.nanoTime();
        for (int c = 0; c < CASES; c++) {
            List<GenericDomainEventMessage<LedgerEvent>> events = SyntheticCases.history(c, EVENTS_PER_CASE);
            transaction.executeWithoutResult(status -> eventStore.publish(events));
        }
        Duration append = Duration.ofNanos(System.nanoTime() - appendStart);

        long sealStart = System.nanoTime();
        int checkpoints = 0;
        while (sealer.sealNext().isPresent()) {
            checkpoints++;
        }
        Duration seal = Duration.ofNanos(System.nanoTime() - sealStart);

        long verifyStart = System.nanoTime();
        VerificationReport report = verifier.verifyLedger();
        Duration verify = Duration.ofNanos(System.nanoTime() - verifyStart);

        System.out.printf("Large ledger: %d events in %d cases; append %.0f events/s (%d per transaction), %d checkpoints sealed "
                        + "in %d ms, full verification %.0f events/s%n", CASES * EVENTS_PER_CASE, CASES,
                CASES * EVENTS_PER_CASE / seconds(append), EVENTS_PER_CASE, checkpoints, seal.toMillis(),
                report.eventsChecked() / seconds(verify));
        assertThat(alarm.current()).as("the check before every seal found nothing").isEmpty();
        assertThat(report.status()).as(report.toString()).isEqualTo(VerificationStatus.INTACT);
        assertThat(report.problems()).isEmpty();
        assertThat(report.eventsChecked()).as("the synthetic cases and the %d events the node recorded when it started (its configured staff)", before)
                .isEqualTo(before + CASES * EVENTS_PER_CASE);
        assertThat(report.checkpointsChecked()).as("the scheduled sealer may have sealed some too").isGreaterThanOrEqualTo(10);

        theLastRowsOfEachPassAreCheckedToo();
    }

    /**
     * Verification hands the chains' rows to several threads in batches and reads the checkpoints' pass beside it: a
     * change to the event read last in stream order (in the last batch, far from the first thread's) and to the entry
     * read last in global order is each found where it is.
     */
    private void theLastRowsOfEachPassAreCheckedToo() throws SQLException {
        record Located(String aggregate, long sequence, long globalIndex, byte[] bytes) {
        }
        Located lastInStreams = jdbc.sql("SELECT aggregate_identifier, sequence_number, global_index, payload FROM domain_event_entry "
                        + "WHERE payload_type LIKE '%JournalNoteRecorded' ORDER BY aggregate_identifier DESC, sequence_number DESC LIMIT 1")
                .query((rs, row) -> new Located(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBytes(4))).single();
        Located lastSealed = jdbc.sql("SELECT aggregate_identifier, sequence_number, global_index, hash FROM checkpoint_entry "
                        + "ORDER BY global_index DESC LIMIT 1")
                .query((rs, row) -> new Located(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBytes(4))).single();
        try (Connection owner = database.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            try (PreparedStatement payload = owner.prepareStatement("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?");
                 PreparedStatement entry = owner.prepareStatement("UPDATE checkpoint_entry SET hash = ? WHERE global_index = ?")) {
                String note = new String(lastInStreams.bytes(), StandardCharsets.UTF_8);
                String changed = note.replaceFirst(Tamper.NOTE_TEXT, "\"text\":\"Note mumber\"");
                assertThat(changed).isNotEqualTo(note);
                payload.setBytes(1, changed.getBytes(StandardCharsets.UTF_8));
                payload.setLong(2, lastInStreams.globalIndex());
                assertThat(payload.executeUpdate()).isOne();
                byte[] otherHash = lastSealed.bytes().clone();
                otherHash[0] ^= 1;
                entry.setBytes(1, otherHash);
                entry.setLong(2, lastSealed.globalIndex());
                assertThat(entry.executeUpdate()).isOne();
            }
        }

        VerificationReport report = verifier.verifyLedger();

        assertThat(report.status()).isEqualTo(VerificationStatus.BROKEN);
        assertThat(report.eventsChecked()).isEqualTo(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single());
        assertThat(report.problems()).as(report.toString())
                .anySatisfy(problem -> assertThat(problem).extracting(VerificationReport.Problem::kind, VerificationReport.Problem::aggregateId,
                                VerificationReport.Problem::sequenceNumber, VerificationReport.Problem::globalIndex)
                        .containsExactly(BreakKind.PAYLOAD_CHANGED, lastInStreams.aggregate(), lastInStreams.sequence(),
                                lastInStreams.globalIndex()))
                .anySatisfy(problem -> assertThat(problem).extracting(VerificationReport.Problem::kind, VerificationReport.Problem::aggregateId,
                                VerificationReport.Problem::sequenceNumber, VerificationReport.Problem::globalIndex)
                        .containsExactly(BreakKind.EVENT_CHANGED, lastSealed.aggregate(), lastSealed.sequence(), lastSealed.globalIndex()));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
