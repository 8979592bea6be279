package org.caseledger.api.integrity;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.caseledger.core.integrity.CheckpointSeal;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.verify.note.MalformedNoteException;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.tlog.Merkle;
import org.caseledger.verify.tlog.MerkleProofs;
import org.caseledger.verify.tlog.ProofVerifier;
import org.caseledger.verify.tlog.TreeHashes;
import org.caseledger.verify.event.EventHash;
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
 * Verifies the ledger in two streaming passes, so memory stays flat however many events there are: every
 * aggregate's chain in stream order (each event against its own digests and hash, and its link to the one before),
 * and every checkpoint in global order (its signature, its link to the previous checkpoint, its Merkle root, and
 * each sealed entry against the event now stored at that position). For the whole ledger the two passes run at once
 * in one snapshot, and the chains' rows are hashed on every core (docs/adr/0023).
 */
@Component
public class LedgerVerifier {

    private static final int FETCH_SIZE = 2_000;
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]+(-[0-9A-F]+)+");
    private static final int PROBLEMS_LISTED = 50;
    private static final String EVENT_COLUMNS = "global_index, aggregate_identifier, sequence_number, event_identifier, "
            + "payload_type, payload_revision, payload, envelope_digest, payload_digest, previous_hash, hash, authenticator";

    private final DataSource dataSource;
    private final JdbcTemplate streaming;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final LedgerKeys keys;
    private final EventAuthentication authentication;
    private final SealPrecheck precheck;
    private final IntegrityAlarm alarm;
    private final LogNotes notes;
    private final MerkleLog merkleLog;

    LedgerVerifier(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager, LedgerKeys keys,
                   EventAuthentication authentication, SealPrecheck precheck, IntegrityAlarm alarm, LogNotes notes,
                   MerkleLog merkleLog) {
        this.dataSource = dataSource;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        // Every pass must see the same ledger: a checkpoint sealed between two passes would otherwise look forged.
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.keys = keys;
        this.authentication = authentication;
        this.precheck = precheck;
        this.alarm = alarm;
        this.notes = notes;
        this.merkleLog = merkleLog;
    }

    /**
     * The two passes run at once, each on a connection of its own that sees the same snapshot: the chains on the
     * caller's, hashed on every core; the checkpoints beside it. What the checkpoints' pass finds is listed after
     * what the chains' pass and the checks between them found, as when the passes ran one after the other.
     */
    public VerificationReport verifyLedger() {
        return readOnly.execute(status -> {
            Findings findings = new Findings("ledger");
            alarm.current().ifPresent(raised -> findings.add(raised.problem()));
            precheck.checkNewest(Checkpoints.last(jdbc)).ifPresent(findings::add);
            List<Checkpoint> checkpoints = Checkpoints.all(jdbc);
            Findings sealFindings = new Findings("ledger");
            SealCheck seals = new SealCheck(sealFindings, checkpoints);
            seals.published = treeCheckpoints();
            try (Beside sealPass = new Beside(sameSnapshot(), connection -> {
                walkSeals(seals, connection);
                seals.finish();
            })) {
                ChainCheck chains = new ChainCheck(findings, authentication);
                try (InOrder<ChainCheck.Row, ChainCheck.Checked> chain = new InOrder<>(Runtime.getRuntime().availableProcessors(),
                        row -> ChainCheck.alone(row, authentication), chains::link)) {
                    stream("SELECT " + EVENT_COLUMNS + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number",
                            rs -> chain.accept(ChainCheck.read(rs)));
                    chain.finish();
                }
                checkCheckpointChain(checkpoints, findings);
                checkEntryCounts(findings);
                sealPass.await();
            }
            findings.after(sealFindings);
            return findings.report();
        });
    }

    public VerificationReport verifyStream(String aggregateId) {
        return readOnly.execute(status -> {
            Findings findings = new Findings(aggregateId);
            stream("SELECT " + EVENT_COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                    new ChainCheck(findings, authentication)::row, aggregateId);
            List<Long> covering = jdbc.sql("SELECT DISTINCT checkpoint_number FROM checkpoint_entry WHERE aggregate_identifier = ?")
                    .param(aggregateId).query(Long.class).list();
            List<Checkpoint> checkpoints = Checkpoints.numbered(jdbc, covering);
            TreeHashes tree = merkleLog.tree();
            for (Checkpoint checkpoint : checkpoints) {
                findings.checkpointsChecked++;
                checkSignature(checkpoint, findings);
                if (checkpoint.seal().format() == 1) {
                    List<byte[]> leaves = jdbc.sql("SELECT hash FROM checkpoint_entry WHERE checkpoint_number = ? ORDER BY leaf_index")
                            .param(checkpoint.number()).query((rs, row) -> rs.getBytes(1)).list();
                    checkRoot(checkpoint, leaves, null, findings);
                } else {
                    checkIncluded(checkpoint, aggregateId, tree, findings);
                }
            }
            checkEntryCounts(findings);
            Long lastSealed = Checkpoints.last(jdbc).map(Checkpoint::toIndex).orElse(0L);
            SealCheck seals = new SealCheck(findings, checkpoints, lastSealed);
            stream("SELECT c.checkpoint_number, c.global_index AS sealed_index, c.aggregate_identifier AS sealed_aggregate, "
                    + "c.sequence_number AS sealed_sequence, c.hash AS sealed_hash, e.global_index, e.aggregate_identifier, "
                    + "e.sequence_number, e.hash FROM (SELECT * FROM checkpoint_entry WHERE aggregate_identifier = ? OR global_index IN "
                    + "(SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?)) c "
                    + "FULL OUTER JOIN (SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? OR global_index IN "
                    + "(SELECT global_index FROM checkpoint_entry WHERE aggregate_identifier = ?)) e ON e.global_index = c.global_index "
                    + "ORDER BY COALESCE(c.global_index, e.global_index)", seals::row, aggregateId, aggregateId, aggregateId, aggregateId);
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
            PreparedStatement statement = binary(connection, sql);
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
        if (keys.byKeyId(seal.keyId()).filter(key -> Ed25519.verify(key.publicKey(), seal.canonicalBytes(), checkpoint.signature()))
                .isEmpty()) {
            findings.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_SIGNATURE_INVALID, null, null, seal.fromIndex(), seal.number(),
                    "the signature of checkpoint " + seal.number() + " does not verify with the ledger's key " + seal.keyId()
                            + " (or that is none of the ledger's keys)"));
        }
    }

    /**
     * The checkpoint's entries, in leaf order, give the root it signed: in format 2 the ledger's tree recomputed from every
     * entry up to it ({@code tree}), in format 1 a tree of the checkpoint's own entries.
     */
    private static void checkRoot(Checkpoint checkpoint, List<byte[]> leaves, RunningTree tree, Findings findings) {
        CheckpointSeal seal = checkpoint.seal();
        boolean holds = leaves.size() == seal.eventCount() && !leaves.isEmpty() && (seal.format() == 1
                ? Arrays.equals(new MerkleTree(leaves).root(), seal.root())
                : tree.size() == seal.treeSize() && Arrays.equals(tree.root().bytes(), seal.root()));
        if (!holds) {
            findings.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_CHAIN_BROKEN, null, null, seal.fromIndex(), seal.number(),
                    "the entries sealed by checkpoint " + seal.number() + " no longer give its Merkle root"));
        }
    }

    /**
     * Every entry of the case that a checkpoint of format 2 sealed is a leaf of the tree it signed: proved by an inclusion
     * proof from the stored tree nodes, which need not be trusted, since the proof either gives the signed root or not.
     */
    private void checkIncluded(Checkpoint checkpoint, String aggregateId, TreeHashes tree, Findings findings) {
        CheckpointSeal seal = checkpoint.seal();
        long firstLeaf = seal.treeSize() - seal.eventCount();
        record Sealed(long leaf, long globalIndex, long sequence, byte[] hash) {
        }
        List<Sealed> sealed = jdbc.sql("SELECT leaf_index, global_index, sequence_number, hash FROM checkpoint_entry "
                        + "WHERE checkpoint_number = ? AND aggregate_identifier = ? ORDER BY leaf_index")
                .params(checkpoint.number(), aggregateId)
                .query((rs, row) -> new Sealed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBytes(4))).list();
        for (Sealed entry : sealed) {
            long leaf = firstLeaf + entry.leaf();
            boolean included = entry.leaf() >= 0 && entry.leaf() < seal.eventCount() && leaf < tree.size()
                    && ProofVerifier.verifyInclusion(Merkle.leafHash(entry.hash()), leaf, seal.treeSize(),
                    MerkleProofs.inclusionProof(tree, leaf, seal.treeSize()), Hash.of(seal.root()));
            if (!included) {
                findings.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_CHAIN_BROKEN, aggregateId, entry.sequence(),
                        entry.globalIndex(), seal.number(), "the entry of checkpoint " + seal.number() + " for this event is not a leaf "
                        + "of the tree the checkpoint signed"));
            }
        }
    }

    /** What a checkpoint publishes of the transparency log's tree: size, root and the signed note. */
    private record TreeCheckpoint(long number, long treeSize, byte[] treeRoot, String note) {
    }

    private Map<Long, TreeCheckpoint> treeCheckpoints() {
        Map<Long, TreeCheckpoint> published = new HashMap<>();
        jdbc.sql("SELECT number, tree_size, tree_root, note FROM ledger_checkpoint WHERE tree_size IS NOT NULL").query(rs -> {
            published.put(rs.getLong(1), new TreeCheckpoint(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getString(4)));
        });
        return published;
    }

    /**
     * The checkpoint's tree, recomputed from every entry up to it, has the size and root it states, and its note is signed
     * by this ledger over that same size and root.
     */
    private void checkTree(TreeCheckpoint published, RunningTree tree, Findings findings) {
        String problem = null;
        if (tree.size() != published.treeSize() || !tree.root().equals(Hash.of(published.treeRoot()))) {
            problem = "the entries up to checkpoint " + published.number() + " give a tree of " + tree.size()
                    + " events with another root than the " + published.treeSize() + " it states";
        } else {
            try {
                Note note = Note.parse(published.note().getBytes(StandardCharsets.UTF_8));
                org.caseledger.verify.tlog.Checkpoint body = org.caseledger.verify.tlog.Checkpoint.parse(note.text());
                if (!notes.signedByThisLedger(note) || body.size() != published.treeSize() || !body.rootHash().equals(tree.root())
                        || !body.origin().equals(notes.origin())) {
                    problem = "the signed note of checkpoint " + published.number() + " is not this ledger's note of its tree";
                }
            } catch (MalformedNoteException | org.caseledger.verify.tlog.MalformedCheckpointException e) {
                problem = "the note of checkpoint " + published.number() + " is malformed: " + e.getMessage();
            }
        }
        if (problem != null) {
            findings.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_CHAIN_BROKEN, null, null, null, published.number(), problem));
        }
    }

    /**
     * Walks events in stream order and checks each against its content, its authenticator and its predecessor. An
     * event that is itself whole and authentic but does not link to a predecessor already found changed is not
     * blamed as well: it is the genuine event, and the problem is located where it is.
     */
    private static final class ChainCheck {

        /** A stored event and the authenticator stored with it. */
        record Row(StoredEvent event, byte[] authenticator) {
        }

        private final Findings findings;
        private final EventAuthentication authentication;
        private String aggregate;
        private long expectedSequence;
        private byte[] expectedPrevious;
        private boolean previousFound;

        ChainCheck(Findings findings, EventAuthentication authentication) {
            this.findings = findings;
            this.authentication = authentication;
        }

        /**
         * A row with what it shows on its own, apart from its stream: the problem of its content ({@code null} when it
         * holds up) and whether its authenticator matches its hash.
         */
        record Checked(Row row, VerificationReport.Problem content, boolean authentic) {
        }

        void row(ResultSet rs) throws SQLException {
            link(alone(read(rs), authentication));
        }

        static Row read(ResultSet rs) throws SQLException {
            return new Row(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getBytes(7), rs.getBytes(8), rs.getBytes(9), rs.getBytes(10), rs.getBytes(11)), rs.getBytes(12));
        }

        /** The checks that need nothing but the row itself, so that rows can take them on any thread in any order. */
        static Checked alone(Row row, EventAuthentication authentication) {
            StoredEvent event = row.event();
            return new Checked(row, event.checkContent(), authentication.isAuthentic(event.globalIndex(), event.hash(), row.authenticator()));
        }

        /** The checks that need the rows before it in its stream: given the rows in stream order. */
        void link(Checked checked) {
            Row row = checked.row();
            StoredEvent event = row.event();
            findings.eventsChecked++;
            findings.range(event.globalIndex());
            if (!event.aggregateId().equals(aggregate)) {
                aggregate = event.aggregateId();
                expectedSequence = 0;
                expectedPrevious = EventHash.GENESIS;
                previousFound = false;
            }
            VerificationReport.Problem problem = checked.content();
            boolean authentic = checked.authentic();
            if (problem == null && !authentic) {
                problem = event.problem(BreakKind.EVENT_NOT_AUTHENTIC, row.authenticator() == null
                        ? "the row carries no authenticator: the ledger did not append it"
                        : "the row's authenticator does not match its hash: the ledger did not append it as it is");
            }
            if (problem == null) {
                VerificationReport.Problem link = event.checkLink(expectedSequence, expectedPrevious);
                boolean explainedByPredecessor = link != null && link.kind() == BreakKind.EVENT_INSERTED && previousFound;
                problem = explainedByPredecessor ? null : link;
            }
            if (problem != null) {
                findings.add(problem);
            }
            previousFound = problem != null;
            expectedSequence = event.sequenceNumber() + 1;
            expectedPrevious = event.hash();
        }
    }

    /** A checkpoint entry as stored; a {@code null} where a column is null. */
    private record Entry(Long checkpoint, Long globalIndex, String aggregate, long sequence, byte[] hash) {

        static Entry read(ResultSet rs) throws SQLException {
            long checkpoint = rs.getLong(1);
            Long number = rs.wasNull() ? null : checkpoint;
            long index = rs.getLong(2);
            return new Entry(number, rs.wasNull() ? null : index, rs.getString(3), rs.getLong(4), rs.getBytes(5));
        }
    }

    /** The identity and hash of a stored event. */
    private record Event(Long globalIndex, String aggregate, long sequence, byte[] hash) {

        static Event read(ResultSet rs) throws SQLException {
            long index = rs.getLong(1);
            return new Event(rs.wasNull() ? null : index, rs.getString(2), rs.getLong(3), rs.getBytes(4));
        }
    }

    /**
     * One row of the full outer join of checkpoint entries and stored events on their global index: either side may
     * be absent. Numbers of an absent side or column read as 0, as JDBC reads SQL NULL.
     */
    private record Position(Long checkpoint, long sealedIndex, String sealedAggregate, long sealedSequence, byte[] sealedHash,
                            Long index, String aggregate, long sequence, byte[] hash) {

        static Position of(ResultSet rs) throws SQLException {
            long checkpoint = rs.getLong("checkpoint_number");
            Long number = rs.wasNull() ? null : checkpoint;
            long index = rs.getLong("global_index");
            Long stored = rs.wasNull() ? null : index;
            return new Position(number, rs.getLong("sealed_index"), rs.getString("sealed_aggregate"), rs.getLong("sealed_sequence"),
                    rs.getBytes("sealed_hash"), stored, rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                    rs.getBytes("hash"));
        }

        static Position of(Entry entry, Event event) {
            return new Position(entry == null ? null : entry.checkpoint(),
                    entry == null || entry.globalIndex() == null ? 0 : entry.globalIndex(),
                    entry == null ? null : entry.aggregate(), entry == null ? 0 : entry.sequence(), entry == null ? null : entry.hash(),
                    event == null ? null : event.globalIndex(), event == null ? null : event.aggregate(),
                    event == null ? 0 : event.sequence(), event == null ? null : event.hash());
        }
    }

    /**
     * The full outer join of checkpoint entries and stored events on the global index, in global order, merged here
     * from two streams that each come in that order from their primary key. PostgreSQL would join them the same way
     * but cannot tell that the joined rows are then already in order, and sorts them all again, on disk. Rows that
     * share a global index (possible only once someone has dropped a primary key) pair up as the join pairs them;
     * a row without a global index matches nothing and comes last, as in the join.
     */
    private static void walkSeals(SealCheck seals, Connection connection) {
        try (PreparedStatement entryQuery = binary(connection, "SELECT checkpoint_number, global_index, aggregate_identifier, "
                + "sequence_number, hash FROM checkpoint_entry ORDER BY global_index");
             PreparedStatement eventQuery = binary(connection, "SELECT global_index, aggregate_identifier, sequence_number, hash "
                     + "FROM domain_event_entry ORDER BY global_index");
             ResultSet entries = entryQuery.executeQuery();
             ResultSet events = eventQuery.executeQuery()) {
            Entry entry = entries.next() ? Entry.read(entries) : null;
            Event event = events.next() ? Event.read(events) : null;
            while (entry != null || event != null) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("the verification was given up");
                }
                int order = entry == null ? 1 : event == null ? -1 : compare(entry.globalIndex(), event.globalIndex());
                if (order < 0) {
                    seals.check(Position.of(entry, null));
                    entry = entries.next() ? Entry.read(entries) : null;
                } else if (order > 0) {
                    seals.check(Position.of(null, event));
                    event = events.next() ? Event.read(events) : null;
                } else {
                    Long index = entry.globalIndex();
                    List<Entry> sameEntries = new ArrayList<>();
                    while (entry != null && index.equals(entry.globalIndex())) {
                        sameEntries.add(entry);
                        entry = entries.next() ? Entry.read(entries) : null;
                    }
                    List<Event> sameEvents = new ArrayList<>();
                    while (event != null && index.equals(event.globalIndex())) {
                        sameEvents.add(event);
                        event = events.next() ? Event.read(events) : null;
                    }
                    for (Entry sealed : sameEntries) {
                        for (Event stored : sameEvents) {
                            seals.check(Position.of(sealed, stored));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the checkpoint entries and events of the ledger", e);
        }
    }

    /**
     * A connection of its own, in a read-only transaction that sees exactly what the caller's transaction sees
     * (PostgreSQL's exported snapshot), so that a second pass can read beside the first and still check the same ledger.
     */
    private Connection sameSnapshot() {
        String snapshot = jdbc.sql("SELECT pg_export_snapshot()").query(String.class).single();
        if (!SNAPSHOT_ID.matcher(snapshot).matches()) {
            throw new IllegalStateException("PostgreSQL named its snapshot unexpectedly: " + snapshot);
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
            }
            return connection;
        } catch (SQLException e) {
            Beside.close(connection);
            throw new IllegalStateException("could not open a second reader on the verification's snapshot", e);
        }
    }

    /** Global indexes in order, a missing one after all others and equal to none, not even another missing one. */
    private static int compare(Long entryIndex, Long eventIndex) {
        if (entryIndex == null) {
            return eventIndex == null ? -1 : 1;
        }
        return eventIndex == null ? -1 : Long.compare(entryIndex, eventIndex);
    }

    private static PreparedStatement binary(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH_SIZE);
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
        return statement;
    }

    /** Walks sealed entries and stored events side by side in global order, one checkpoint at a time. */
    private final class SealCheck {

        private final Findings findings;
        private final Map<Long, Checkpoint> checkpoints = new HashMap<>();
        private final long lastSealedIndex;
        private final boolean checkRoots;
        private Long currentCheckpoint;
        private final List<byte[]> leaves = new ArrayList<>();
        /** The transparency log's tree, recomputed from the entries as they come in global order. */
        private final RunningTree tree = new RunningTree();
        private Map<Long, TreeCheckpoint> published = Map.of();

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
            check(Position.of(rs));
        }

        void check(Position row) {
            boolean sealed = row.checkpoint() != null;
            boolean stored = row.index() != null;
            long index = stored ? row.index() : 0;
            if (sealed) {
                long checkpoint = row.checkpoint();
                if (checkRoots && !Long.valueOf(checkpoint).equals(currentCheckpoint)) {
                    finish();
                    currentCheckpoint = checkpoint;
                }
                byte[] sealedHash = row.sealedHash();
                leaves.add(sealedHash);
                tree.appendEventHash(sealedHash);
                String aggregate = row.sealedAggregate();
                long sequence = row.sealedSequence();
                long sealedIndex = row.sealedIndex();
                if (!stored) {
                    findings.add(new VerificationReport.Problem(BreakKind.EVENT_MISSING, aggregate, sequence, sealedIndex, checkpoint,
                            "the event sealed at this position by checkpoint " + checkpoint + " is no longer stored"));
                } else if ((!aggregate.equals(row.aggregate()) || sequence != row.sequence()) && Arrays.equals(sealedHash, row.hash())) {
                    findings.add(new VerificationReport.Problem(BreakKind.ENTRY_CHANGED, row.aggregate(), row.sequence(), sealedIndex,
                            checkpoint, "the checkpoint's entry for this position names event " + sequence + " of " + aggregate
                            + ", but the event sealed here, unchanged, is event " + row.sequence() + " of " + row.aggregate()));
                } else if (!aggregate.equals(row.aggregate()) || sequence != row.sequence()) {
                    findings.add(new VerificationReport.Problem(BreakKind.ORDER_CHANGED, row.aggregate(),
                            row.sequence(), sealedIndex, checkpoint, "checkpoint " + checkpoint
                            + " sealed event " + sequence + " of " + aggregate + " at this position"));
                } else if (!Arrays.equals(sealedHash, row.hash())) {
                    findings.add(new VerificationReport.Problem(BreakKind.EVENT_CHANGED, aggregate, sequence, sealedIndex, checkpoint,
                            "the event differs from the one checkpoint " + checkpoint + " sealed (its whole chain may have been rewritten)"));
                }
            } else if (index <= lastSealedIndex) {
                findings.add(new VerificationReport.Problem(BreakKind.EVENT_INSERTED, row.aggregate(),
                        row.sequence(), index, null, "no checkpoint sealed an event at this position"));
            } else {
                findings.unsealed(new VerificationReport.Problem(BreakKind.EVENTS_UNSEALED, row.aggregate(),
                        row.sequence(), index, null, "appended after the last checkpoint; not yet covered by a signature"));
            }
        }

        void finish() {
            if (currentCheckpoint != null) {
                Checkpoint checkpoint = checkpoints.get(currentCheckpoint);
                if (checkpoint == null) {
                    findings.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_CHAIN_BROKEN, null, null, null, currentCheckpoint,
                            "entries refer to checkpoint " + currentCheckpoint + ", which does not exist"));
                } else {
                    checkRoot(checkpoint, leaves, tree, findings);
                    TreeCheckpoint note = published.get(currentCheckpoint);
                    if (note != null) {
                        checkTree(note, tree, findings);
                    }
                }
            }
            leaves.clear();
        }
    }

    /**
     * Checks what the caller's thread reads on every core, in batches, and hands each outcome back to the caller's
     * thread in the order it was read: the checks of a row alone (its hashes, its authenticator) are most of the work
     * and need nothing of other rows, while what links rows (a stream's chain) needs them in order. The caller's
     * thread keeps the transaction and the connection; memory stays bounded by the batches in flight. Every row is
     * checked and handed back, or the first failure of a check is thrown on the caller's thread.
     */
    private static final class InOrder<T, R> implements AutoCloseable {

        private static final int BATCH = 256;

        private final ExecutorService workers;
        private final int inFlight;
        private final Function<T, R> alone;
        private final Consumer<R> inOrder;
        private final ArrayDeque<Future<List<R>>> pending = new ArrayDeque<>();
        private List<T> batch = new ArrayList<>(BATCH);

        InOrder(int threads, Function<T, R> alone, Consumer<R> inOrder) {
            AtomicInteger number = new AtomicInteger();
            this.workers = Executors.newFixedThreadPool(threads, work -> {
                Thread thread = new Thread(work, "ledger-verification-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            // enough batches that no worker waits while the caller hands back the oldest, few enough to stay small
            this.inFlight = 4 * threads;
            this.alone = alone;
            this.inOrder = inOrder;
        }

        void accept(T item) {
            batch.add(item);
            if (batch.size() == BATCH) {
                submit();
            }
        }

        /** Waits for every row read so far and hands back the outcomes not yet handed back. */
        void finish() {
            submit();
            while (!pending.isEmpty()) {
                handBackOldest();
            }
        }

        private void submit() {
            if (batch.isEmpty()) {
                return;
            }
            List<T> rows = batch;
            batch = new ArrayList<>(BATCH);
            pending.add(workers.submit(() -> {
                List<R> outcomes = new ArrayList<>(rows.size());
                for (T row : rows) {
                    outcomes.add(alone.apply(row));
                }
                return outcomes;
            }));
            while (pending.size() > inFlight) {
                handBackOldest();
            }
        }

        private void handBackOldest() {
            List<R> outcomes;
            try {
                outcomes = pending.remove().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("a check of the verification failed", e.getCause());
            }
            outcomes.forEach(inOrder);
        }

        @Override
        public void close() {
            workers.shutdownNow();
        }
    }

    /** A pass that reads on its own connection on a thread of its own, beside the caller's; closing waits for it. */
    private static final class Beside implements AutoCloseable {

        /** What the pass does with its connection. */
        interface Pass {
            void run(Connection connection) throws SQLException;
        }

        private final Connection connection;
        private final Thread thread;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private boolean awaited;

        Beside(Connection connection, Pass pass) {
            this.connection = connection;
            this.thread = new Thread(() -> {
                try {
                    pass.run(connection);
                } catch (SQLException | RuntimeException | Error e) {
                    failure.set(e);
                }
            }, "ledger-verification-checkpoints");
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits for the pass and throws its failure, if it failed. */
        void await() {
            awaited = true;
            join();
            Throwable failed = failure.get();
            if (failed instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed instanceof Error error) {
                throw error;
            }
            if (failed != null) {
                throw new IllegalStateException("could not read the checkpoint entries and events of the ledger", failed);
            }
        }

        private void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying", e);
            }
        }

        /**
         * Waits for the pass, so that its connection is closed with its transaction undone only once it is done; a pass
         * not waited for (the caller failed) is asked to stop first.
         */
        @Override
        public void close() {
            if (!awaited) {
                thread.interrupt();
            }
            try {
                join();
            } finally {
                close(connection);
            }
        }

        static void close(Connection connection) {
            if (connection == null) {
                return;
            }
            try (connection) {
                connection.rollback();
            } catch (SQLException e) {
                // the transaction only read, and a connection that failed is discarded by the pool
            }
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

        /** What a later pass found, in the order it found it, as if this had found it next. */
        void after(Findings later) {
            later.problems.forEach(this::add);
            if (unsealed == 0) {
                firstUnsealed = later.firstUnsealed;
            }
            unsealed += later.unsealed;
            eventsChecked += later.eventsChecked;
            checkpointsChecked += later.checkpointsChecked;
            if (later.firstIndex != null) {
                range(later.firstIndex);
                range(later.lastIndex);
            }
            if (later.lastSealedIndex != null) {
                lastSealedIndex = later.lastSealedIndex;
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
                return new VerificationReport(VerificationStatus.BROKEN, scope, eventsChecked, checkpointsChecked, firstIndex, lastIndex, lastSealedIndex,
                        unsealed, sorted.get(0), sorted);
            }
            if (unsealed > 0) {
                return new VerificationReport(VerificationStatus.UNSEALED, scope, eventsChecked, checkpointsChecked, firstIndex, lastIndex, lastSealedIndex,
                        unsealed, firstUnsealed, List.of(firstUnsealed));
            }
            return new VerificationReport(VerificationStatus.INTACT, scope, eventsChecked, checkpointsChecked, firstIndex, lastIndex, lastSealedIndex,
                    0, null, List.of());
        }
    }
}
