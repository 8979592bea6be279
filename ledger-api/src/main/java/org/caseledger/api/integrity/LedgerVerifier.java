package org.caseledger.api.integrity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.caseledger.core.integrity.CheckpointSeal;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.core.integrity.EventHash;
import org.caseledger.core.integrity.MerkleTree;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the ledger in two streaming passes, so memory stays flat however many events there are: first every
 * aggregate's chain in stream order (each event against its own digests and hash, and its link to the one before),
 * then every checkpoint in global order (its signature, its link to the previous checkpoint, its Merkle root, and
 * each sealed entry against the event now stored at that position).
 */
@Component
public class LedgerVerifier {

    private static final int FETCH_SIZE = 2_000;
    private static final int PROBLEMS_LISTED = 50;
    private static final String EVENT_COLUMNS = "global_index, aggregate_identifier, sequence_number, event_identifier, "
            + "payload_type, payload_revision, payload, envelope_digest, payload_digest, previous_hash, hash";

    private final JdbcTemplate streaming;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final SigningKey signingKey;

    public LedgerVerifier(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager, SigningKey signingKey) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        // Every pass must see the same ledger: a checkpoint sealed between two passes would otherwise look forged.
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.signingKey = signingKey;
    }

    public VerificationReport verifyLedger() {
        return readOnly.execute(status -> {
            Findings findings = new Findings("ledger");
            stream("SELECT " + EVENT_COLUMNS + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number",
                    new ChainCheck(findings)::row);
            List<Checkpoint> checkpoints = Checkpoints.all(jdbc);
            checkCheckpointChain(checkpoints, findings);
            checkEntryCounts(findings);
            SealCheck seals = new SealCheck(findings, checkpoints);
            stream("SELECT c.checkpoint_number, c.global_index AS sealed_index, c.aggregate_identifier AS sealed_aggregate, "
                    + "c.sequence_number AS sealed_sequence, c.hash AS sealed_hash, e.global_index, e.aggregate_identifier, "
                    + "e.sequence_number, e.hash FROM checkpoint_entry c FULL OUTER JOIN domain_event_entry e ON e.global_index = c.global_index "
                    + "ORDER BY COALESCE(c.global_index, e.global_index)", seals::row);
            seals.finish();
            return findings.report();
        });
    }

    public VerificationReport verifyStream(String aggregateId) {
        return readOnly.execute(status -> {
            Findings findings = new Findings(aggregateId);
            stream("SELECT " + EVENT_COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                    new ChainCheck(findings)::row, aggregateId);
            List<Long> covering = jdbc.sql("SELECT DISTINCT checkpoint_number FROM checkpoint_entry WHERE aggregate_identifier = ?")
                    .param(aggregateId).query(Long.class).list();
            List<Checkpoint> checkpoints = Checkpoints.numbered(jdbc, covering);
            for (Checkpoint checkpoint : checkpoints) {
                findings.checkpointsChecked++;
                checkSignature(checkpoint, findings);
                List<byte[]> leaves = jdbc.sql("SELECT hash FROM checkpoint_entry WHERE checkpoint_number = ? ORDER BY leaf_index")
                        .param(checkpoint.number()).query((rs, row) -> rs.getBytes(1)).list();
                checkRoot(checkpoint, leaves, findings);
            }
            checkEntryCounts(findings);
            Long lastSealed = Checkpoints.last(jdbc).map(Checkpoint::toIndex).orElse(0L);
            SealCheck seals = new SealCheck(findings, checkpoints, lastSealed);
            stream("SELECT c.checkpoint_number, c.global_index AS sealed_index, c.aggregate_identifier AS sealed_aggregate, "
                    + "c.sequence_number AS sealed_sequence, c.hash AS sealed_hash, e.global_index, e.aggregate_identifier, "
                    + "e.sequence_number, e.hash FROM (SELECT * FROM checkpoint_entry WHERE aggregate_identifier = ?) c "
                    + "FULL OUTER JOIN (SELECT * FROM domain_event_entry WHERE aggregate_identifier = ?) e ON e.global_index = c.global_index "
                    + "ORDER BY COALESCE(c.global_index, e.global_index)", seals::row, aggregateId, aggregateId);
            return findings.report();
        });
    }

    /**
     * Streams the rows of a query to {@code rows}. PostgreSQL is asked for binary columns: otherwise every digest,
     * hash and payload comes as hex text, which costs the server to write and this side to decode more than
     * verifying the bytes does.
     */
    private void stream(String sql, RowCallbackHandler rows, Object... params) {
        streaming.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement;
        }, rows);
    }

    private void checkCheckpointChain(List<Checkpoint> checkpoints, Findings findings) {
        byte[] previousHash = CheckpointSeal.GENESIS;
        long previousTo = 0;
        long expectedNumber = 1;
        for (Checkpoint checkpoint : checkpoints) {
            findings.checkpointsChecked++;
            checkSignature(checkpoint, findings);
            CheckpointSeal seal = checkpoint.seal();
            if (seal.number() != expectedNumber || seal.fromIndex() != previousTo + 1
                    || !Arrays.equals(seal.previousCheckpointHash(), previousHash)) {
                findings.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_CHAIN_BROKEN, null, null, seal.fromIndex(), seal.number(),
                        "checkpoint " + seal.number() + " does not follow checkpoint " + (expectedNumber - 1)));
            }
            previousHash = checkpoint.hash();
            previousTo = seal.toIndex();
            expectedNumber = seal.number() + 1;
        }
    }

    /**
     * Every checkpoint still has exactly the entries it sealed, within its range: removing a sealed event together
     * with its entry cannot hide, even where no remaining entry points at the checkpoint.
     */
    private void checkEntryCounts(Findings findings) {
        jdbc.sql("SELECT c.number, c.from_index, c.to_index, c.event_count, count(e.global_index) FROM ledger_checkpoint c "
                        + "LEFT JOIN checkpoint_entry e ON e.checkpoint_number = c.number GROUP BY c.number "
                        + "HAVING count(e.global_index) <> c.event_count OR min(e.global_index) < c.from_index "
                        + "OR max(e.global_index) > c.to_index ORDER BY c.number")
                .query((rs, row) -> new VerificationReport.Problem(BreakKind.CHECKPOINT_CHAIN_BROKEN, null, null, rs.getLong(2),
                        rs.getLong(1), "checkpoint " + rs.getLong(1) + " sealed " + rs.getLong(4) + " events at positions "
                        + rs.getLong(2) + " to " + rs.getLong(3) + "; " + rs.getLong(5) + " of its entries are there now"))
                .list()
                .forEach(findings::add);
        jdbc.sql("SELECT DISTINCT e.checkpoint_number FROM checkpoint_entry e WHERE NOT EXISTS "
                        + "(SELECT 1 FROM ledger_checkpoint c WHERE c.number = e.checkpoint_number)")
                .query(Long.class).list()
                .forEach(number -> findings.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_CHAIN_BROKEN, null, null, null,
                        number, "entries refer to checkpoint " + number + ", which does not exist")));
    }

    private void checkSignature(Checkpoint checkpoint, Findings findings) {
        CheckpointSeal seal = checkpoint.seal();
        if (!seal.keyId().equals(signingKey.keyId())
                || !Ed25519.verify(signingKey.publicKey(), seal.canonicalBytes(), checkpoint.signature())) {
            findings.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_SIGNATURE_INVALID, null, null, seal.fromIndex(), seal.number(),
                    "the signature of checkpoint " + seal.number() + " does not verify with the ledger's public key " + signingKey.keyId()));
        }
    }

    private static void checkRoot(Checkpoint checkpoint, List<byte[]> leaves, Findings findings) {
        CheckpointSeal seal = checkpoint.seal();
        if (leaves.size() != seal.eventCount() || leaves.isEmpty() || !Arrays.equals(new MerkleTree(leaves).root(), seal.merkleRoot())) {
            findings.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_CHAIN_BROKEN, null, null, seal.fromIndex(), seal.number(),
                    "the entries sealed by checkpoint " + seal.number() + " no longer give its Merkle root"));
        }
    }

    /** Walks events in stream order and checks each against its content and its predecessor. */
    private static final class ChainCheck {

        private final Findings findings;
        private String aggregate;
        private long expectedSequence;
        private byte[] expectedPrevious;

        ChainCheck(Findings findings) {
            this.findings = findings;
        }

        void row(ResultSet rs) throws SQLException {
            StoredEvent event = new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getBytes(7), rs.getBytes(8), rs.getBytes(9), rs.getBytes(10), rs.getBytes(11));
            findings.eventsChecked++;
            findings.range(event.globalIndex());
            if (!event.aggregateId().equals(aggregate)) {
                aggregate = event.aggregateId();
                expectedSequence = 0;
                expectedPrevious = EventHash.GENESIS;
            }
            VerificationReport.Problem problem = event.checkContent();
            if (problem == null) {
                problem = event.checkLink(expectedSequence, expectedPrevious);
            }
            if (problem != null) {
                findings.add(problem);
            }
            expectedSequence = event.sequenceNumber() + 1;
            expectedPrevious = event.hash();
        }
    }

    /** Walks sealed entries and stored events side by side in global order, one checkpoint at a time. */
    private final class SealCheck {

        private final Findings findings;
        private final Map<Long, Checkpoint> checkpoints = new HashMap<>();
        private final long lastSealedIndex;
        private final boolean checkRoots;
        private Long currentCheckpoint;
        private final List<byte[]> leaves = new ArrayList<>();

        SealCheck(Findings findings, List<Checkpoint> checkpoints) {
            this(findings, checkpoints, checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).toIndex(), true);
        }

        SealCheck(Findings findings, List<Checkpoint> checkpoints, long lastSealedIndex) {
            this(findings, checkpoints, lastSealedIndex, false);
        }

        private SealCheck(Findings findings, List<Checkpoint> checkpoints, long lastSealedIndex, boolean checkRoots) {
            this.findings = findings;
            checkpoints.forEach(checkpoint -> this.checkpoints.put(checkpoint.number(), checkpoint));
            this.lastSealedIndex = lastSealedIndex;
            this.checkRoots = checkRoots;
            findings.lastSealedIndex = lastSealedIndex;
        }

        void row(ResultSet rs) throws SQLException {
            long checkpoint = rs.getLong("checkpoint_number");
            boolean sealed = !rs.wasNull();
            long index = rs.getLong("global_index");
            boolean stored = !rs.wasNull();
            if (sealed) {
                if (checkRoots && !Long.valueOf(checkpoint).equals(currentCheckpoint)) {
                    finish();
                    currentCheckpoint = checkpoint;
                }
                byte[] sealedHash = rs.getBytes("sealed_hash");
                leaves.add(sealedHash);
                String aggregate = rs.getString("sealed_aggregate");
                long sequence = rs.getLong("sealed_sequence");
                long sealedIndex = rs.getLong("sealed_index");
                if (!stored) {
                    findings.add(new VerificationReport.Problem(BreakKind.EVENT_MISSING, aggregate, sequence, sealedIndex, checkpoint,
                            "the event sealed at this position by checkpoint " + checkpoint + " is no longer stored"));
                } else if (!aggregate.equals(rs.getString("aggregate_identifier")) || sequence != rs.getLong("sequence_number")) {
                    findings.add(new VerificationReport.Problem(BreakKind.ORDER_CHANGED, rs.getString("aggregate_identifier"),
                            rs.getLong("sequence_number"), sealedIndex, checkpoint, "checkpoint " + checkpoint
                            + " sealed event " + sequence + " of " + aggregate + " at this position"));
                } else if (!Arrays.equals(sealedHash, rs.getBytes("hash"))) {
                    findings.add(new VerificationReport.Problem(BreakKind.EVENT_CHANGED, aggregate, sequence, sealedIndex, checkpoint,
                            "the event differs from the one checkpoint " + checkpoint + " sealed (its whole chain may have been rewritten)"));
                }
            } else if (index <= lastSealedIndex) {
                findings.add(new VerificationReport.Problem(BreakKind.EVENT_INSERTED, rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"), index, null, "no checkpoint sealed an event at this position"));
            } else {
                findings.unsealed(new VerificationReport.Problem(BreakKind.EVENTS_UNSEALED, rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"), index, null, "appended after the last checkpoint; not yet covered by a signature"));
            }
        }

        void finish() {
            if (currentCheckpoint != null) {
                Checkpoint checkpoint = checkpoints.get(currentCheckpoint);
                if (checkpoint == null) {
                    findings.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_CHAIN_BROKEN, null, null, null, currentCheckpoint,
                            "entries refer to checkpoint " + currentCheckpoint + ", which does not exist"));
                } else {
                    checkRoot(checkpoint, leaves, findings);
                }
            }
            leaves.clear();
        }
    }

    /** What a verification found so far. */
    private static final class Findings {

        private final String scope;
        private final List<VerificationReport.Problem> problems = new ArrayList<>();
        private VerificationReport.Problem firstUnsealed;
        private long unsealed;
        private long eventsChecked;
        private long checkpointsChecked;
        private Long firstIndex;
        private Long lastIndex;
        private Long lastSealedIndex;

        Findings(String scope) {
            this.scope = scope;
        }

        void add(VerificationReport.Problem problem) {
            if (problems.size() < PROBLEMS_LISTED) {
                problems.add(problem);
            }
        }

        void unsealed(VerificationReport.Problem problem) {
            if (unsealed++ == 0) {
                firstUnsealed = problem;
            }
        }

        void range(long index) {
            firstIndex = firstIndex == null ? index : Math.min(firstIndex, index);
            lastIndex = lastIndex == null ? index : Math.max(lastIndex, index);
        }

        VerificationReport report() {
            List<VerificationReport.Problem> sorted = problems.stream()
                    .sorted(java.util.Comparator.comparing(p -> Optional.ofNullable(p.globalIndex()).orElse(Long.MAX_VALUE)))
                    .toList();
            if (!sorted.isEmpty()) {
                return new VerificationReport("BROKEN", scope, eventsChecked, checkpointsChecked, firstIndex, lastIndex, lastSealedIndex,
                        unsealed, sorted.get(0), sorted);
            }
            if (unsealed > 0) {
                return new VerificationReport("UNSEALED", scope, eventsChecked, checkpointsChecked, firstIndex, lastIndex, lastSealedIndex,
                        unsealed, firstUnsealed, List.of(firstUnsealed));
            }
            return new VerificationReport("INTACT", scope, eventsChecked, checkpointsChecked, firstIndex, lastIndex, lastSealedIndex,
                    0, null, List.of());
        }
    }
}
