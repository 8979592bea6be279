package org.caseledger.api.integrity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseledger.core.integrity.CheckpointSeal;
import org.caseledger.verify.tlog.Hash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the events appended since the last checkpoint: they grow the ledger's one Merkle tree (RFC 9162) in global
 * order, and the checkpoint, chained to the previous one and signed, states the tree's new size and root, as does the
 * C2SP note published beside it. Several nodes may run this; an advisory lock lets one seal at a time.
 * <p>
 * Global positions are handed out when a transaction inserts, not when it commits, so a position below one that
 * is already visible may still be filled by a transaction that has not committed. Sealing past it would leave
 * that event outside every checkpoint. So before sealing, the sealer waits for the appending transactions in
 * flight to end (the append lock) and seals only up to the highest position it then sees: every hole below that
 * belongs to a transaction that rolled back.
 * <p>
 * It never signs what does not verify: before sealing it checks the newest checkpoint and every event it is about to
 * cover ({@link SealPrecheck}). On the first problem it seals nothing, raises the {@link IntegrityAlarm}, and refuses
 * to seal on this node until an operator acknowledges the alarm and the check passes again.
 */
@Component
public class CheckpointSealer {


    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final SettledPosition settled;
    private final SigningKey signingKey;
    private final IntegrityProperties properties;
    private final SealPrecheck precheck;
    private final AppendedEvents appended;
    private final IntegrityAlarm alarm;
    private final MerkleLog merkleLog;
    private final LogNotes notes;
    private final Clock clock;

    CheckpointSealer(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, SigningKey signingKey,
                     IntegrityProperties properties, SealPrecheck precheck, AppendedEvents appended, IntegrityAlarm alarm,
                     MerkleLog merkleLog, LogNotes notes, SettledPosition settled, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.settled = settled;
        this.signingKey = signingKey;
        this.properties = properties;
        this.precheck = precheck;
        this.appended = appended;
        this.alarm = alarm;
        this.merkleLog = merkleLog;
        this.notes = notes;
        this.clock = clock;
    }

    /** Seals when enough events are pending or the oldest has waited the checkpoint interval. */
    @Scheduled(fixedDelayString = "${ledger.integrity.checkpoint-poll:PT5S}", initialDelayString = "${ledger.integrity.checkpoint-poll:PT5S}")
    public void sealWhenDue() {
        if (alarm.current().isPresent()) {
            return;
        }
        Optional<VerificationReport.Problem> removed = appended.checkStillStored();
        if (removed.isPresent()) {
            alarm.raise(removed.get());
            return;
        }
        long after = Checkpoints.last(jdbc).map(Checkpoint::toIndex).orElse(0L);
        record Backlog(long count, String oldest) {
        }
        // Counting stops at the threshold, so a long backlog does not make every poll scan all of it.
        Backlog backlog = jdbc.sql("SELECT count(*), (SELECT time_stamp FROM domain_event_entry WHERE global_index > ? "
                        + "ORDER BY global_index LIMIT 1) FROM (SELECT 1 FROM domain_event_entry WHERE global_index > ? LIMIT ?) pending")
                .params(after, after, properties.checkpointEveryEvents())
                .query((rs, row) -> new Backlog(rs.getLong(1), rs.getString(2))).single();
        boolean enough = backlog.count() >= properties.checkpointEveryEvents();
        boolean waitedLongEnough = backlog.oldest() != null
                && Instant.parse(backlog.oldest()).isBefore(clock.instant().minus(properties.checkpointInterval()));
        if (enough || waitedLongEnough) {
            try {
                sealPending();
            } catch (SealingRefusedException refused) {
                // the alarm has logged the problem once; the scheduler would log it again on every poll
            }
        }
    }

    public void sealPending() {
        while (sealNext().map(Checkpoint::eventCount).orElse(0) == properties.maxEventsPerCheckpoint()) {
            // a full checkpoint means more may be waiting
        }
    }

    /**
     * Seals what is pending now, up to the configured maximum; empty when nothing can be sealed yet.
     *
     * @throws SealingRefusedException while the integrity alarm is raised, or when the check before sealing raises it
     */
    public Optional<Checkpoint> sealNext() {
        refuseWhileAlarmed();
        Optional<Checkpoint> sealed = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('ledger-checkpoint', 0))").query((rs, row) -> 1).list();
            Optional<Checkpoint> last = Checkpoints.last(jdbc);
            Optional<VerificationReport.Problem> newest = precheck.checkNewest(last);
            if (newest.isPresent()) {
                alarm.raise(newest.get());
                return Optional.empty();
            }
            long after = last.map(Checkpoint::toIndex).orElse(0L);
            List<SealPrecheck.Pending> pending = sealable(after, settled.now());
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            Optional<VerificationReport.Problem> tampered = precheck.checkPending(pending);
            if (tampered.isPresent()) {
                alarm.raise(tampered.get());
                return Optional.empty();
            }
            long treeSize = merkleLog.append(pending.stream()
                    .map(row -> new MerkleLog.Leaf(row.event().globalIndex(), row.event().hash())).toList());
            Hash treeRoot = merkleLog.root(treeSize);
            CheckpointSeal seal = CheckpointSeal.of(last.map(c -> c.number() + 1).orElse(1L), after + 1,
                    pending.get(pending.size() - 1).event().globalIndex(), pending.size(), treeSize, treeRoot.bytes(),
                    last.map(Checkpoint::hash).orElse(CheckpointSeal.GENESIS), clock.instant(), signingKey.keyId());
            Checkpoint checkpoint = new Checkpoint(seal, signingKey.sign(seal.canonicalBytes()));
            Checkpoints.insert(jdbc, checkpoint, new String(notes.sign(treeSize, treeRoot, accessLogHead()).toBytes(), StandardCharsets.UTF_8));
            List<Object[]> entries = new ArrayList<>();
            for (int leaf = 0; leaf < pending.size(); leaf++) {
                StoredEvent event = pending.get(leaf).event();
                entries.add(new Object[] {event.globalIndex(), seal.number(), leaf, event.aggregateId(), event.sequenceNumber(), event.hash()});
            }
            batch.batchUpdate("INSERT INTO checkpoint_entry (global_index, checkpoint_number, leaf_index, aggregate_identifier, "
                    + "sequence_number, hash) VALUES (?, ?, ?, ?, ?, ?)", entries);
            return Optional.of(checkpoint);
        });
        // remembered only once committed: a checkpoint remembered but rolled back would look removed
        sealed.ifPresent(precheck::signed);
        refuseWhileAlarmed();
        return sealed;
    }

    /** The read-access log's newest entry, named in the checkpoint's note so that witnesses cosign it too. */
    private List<String> accessLogHead() {
        return jdbc.sql("SELECT position, hash FROM access_log ORDER BY position DESC LIMIT 1")
                .query((rs, row) -> LogNotes.ACCESS_LOG_LINE + rs.getLong(1) + " " + Hash.of(rs.getBytes(2)).base64())
                .optional().map(List::of).orElse(List.of());
    }

    private void refuseWhileAlarmed() {
        alarm.current().ifPresent(raised -> {
            throw new SealingRefusedException(raised);
        });
    }

    private List<SealPrecheck.Pending> sealable(long after, long settled) {
        return jdbc.sql("SELECT global_index, aggregate_identifier, sequence_number, event_identifier, payload_type, payload_revision, "
                        + "payload, envelope_digest, payload_digest, previous_hash, hash, authenticator FROM domain_event_entry "
                        + "WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?")
                .params(after, settled, properties.maxEventsPerCheckpoint())
                .query((rs, row) -> new SealPrecheck.Pending(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8), rs.getBytes(9), rs.getBytes(10), rs.getBytes(11)),
                        rs.getBytes(12)))
                .list();
    }
}
