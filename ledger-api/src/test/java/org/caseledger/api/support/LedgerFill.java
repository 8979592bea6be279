package org.caseledger.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Revision;
import org.caseledger.api.integrity.SigningKey;
import org.caseledger.core.integrity.CanonicalEnvelope;
import org.caseledger.core.integrity.CheckpointSeal;
import org.caseledger.core.integrity.EventHash;
import org.caseledger.core.integrity.MerkleTree;
import org.caseledger.core.integrity.Sha256;
import org.caseledger.core.shared.LedgerEvent;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills a migrated ledger database with many genuinely hash-chained, checkpoint-sealed events, fast, for volume
 * tests and benchmarks. The histories are {@link SyntheticCases}, serialized as the event store serializes them,
 * each event hashed with the same definitions the appender uses, and sealed in checkpoints signed with the given
 * key, so that the ledger verifies {@code INTACT}. The rows go in with {@code COPY} as the database owner, in one
 * transaction that holds the append and checkpoint locks, so a running sealer neither seals around it nor races it.
 * <p>
 * The events of {@code openCases} cases are interleaved in global order, as a busy municipality's cases are, so the
 * events of one case lie far apart in the table rather than side by side. Memory stays bounded by the open cases.
 * Notes are stored as plain text (not encrypted), which the application reads as it reads any older plain note.
 */
public final class LedgerFill {

    /**
     * How to fill.
     *
     * @param cases               how many new cases
     * @param eventsPerCase       events in each (an opening, then journal notes)
     * @param openCases           how many cases are written at the same time, interleaved
     * @param eventsPerCheckpoint how many events each checkpoint seals (the ledger's sealer seals about 1,000 at a time)
     */
    public record Shape(int cases, int eventsPerCase, int openCases, int eventsPerCheckpoint) {

        public Shape {
            if (cases <= 0 || eventsPerCase <= 0 || openCases <= 0 || eventsPerCheckpoint <= 0) {
                throw new IllegalArgumentException("every count of a fill must be positive");
            }
        }

        /** {@code events} events in cases of 50, 1,000 cases open at a time, a checkpoint every 1,000 events. */
        public static Shape of(long events) {
            if (events % 50 != 0) {
                throw new IllegalArgumentException("the events must be a multiple of 50, the events per case");
            }
            return new Shape(Math.toIntExact(events / 50), 50, 1_000, 1_000);
        }

        public long events() {
            return (long) cases * eventsPerCase;
        }
    }

    /** What a fill wrote: global positions {@code firstIndex..lastIndex}, all sealed. */
    public record Filled(long events, int cases, long checkpoints, long firstIndex, long lastIndex, long payloadBytes,
                         Duration took) {

        public double eventsPerSecond() {
            return events / (took.toNanos() / 1e9);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final HexFormat HEX = HexFormat.of();
    /** In COPY's text format a bytea value is a backslash, x and hex digits, and the backslash itself is escaped. */
    private static final byte[] BYTEA = "\\\\x".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "\\N".getBytes(StandardCharsets.US_ASCII);
    private static final int FLUSH_BYTES = 8 << 20;
    private static final String EVENT_COPY = "COPY domain_event_entry (global_index, event_identifier, meta_data, payload, "
            + "payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type, envelope_digest, "
            + "payload_digest, previous_hash, hash) FROM STDIN";
    private static final String ENTRY_COPY = "COPY checkpoint_entry (global_index, checkpoint_number, leaf_index, "
            + "aggregate_identifier, sequence_number, hash) FROM STDIN";
    private static final String CHECKPOINT_COPY = "COPY ledger_checkpoint (number, from_index, to_index, event_count, "
            + "merkle_root, previous_checkpoint_hash, sealed_at, key_id, signature, hash) FROM STDIN";

    private LedgerFill() {
    }

    /**
     * Appends {@code shape.events()} events of new cases after whatever the ledger holds, and seals them. The ledger
     * must have no unsealed event, so that the new checkpoints follow on from its last one.
     *
     * @param owner      a connection as the database owner (the application's role may not {@code COPY})
     * @param signingKey the key the verifier will check the checkpoints with
     */
    public static Filled fill(Connection owner, SigningKey signingKey, Shape shape) throws SQLException, IOException {
        long start = System.nanoTime();
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (Statement statement = owner.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock_shared(hashtextextended('ledger-append', 0))");
            statement.execute("SELECT pg_advisory_xact_lock(hashtextextended('ledger-checkpoint', 0))");
            Writer writer = new Writer(owner, signingKey, shape, lastCheckpoint(statement));
            writer.writeAll();
            statement.execute("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), " + writer.lastIndex() + ")");
            // Rows written past the appender need the access index the appender's transaction would have kept.
            statement.execute("SELECT refresh_access_index()");
            owner.commit();
            return new Filled(shape.events(), shape.cases(), writer.checkpoints, writer.firstIndex, writer.lastIndex(),
                    writer.payloadBytes, Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException | IOException | RuntimeException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }

    private record LastCheckpoint(long number, long toIndex, byte[] hash) {
    }

    private static LastCheckpoint lastCheckpoint(Statement statement) throws SQLException {
        long lastEvent;
        try (ResultSet rs = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            rs.next();
            lastEvent = rs.getLong(1);
        }
        try (ResultSet rs = statement.executeQuery("SELECT number, from_index, to_index, event_count, merkle_root, "
                + "previous_checkpoint_hash, sealed_at, key_id FROM ledger_checkpoint ORDER BY number DESC LIMIT 1")) {
            LastCheckpoint last = rs.next()
                    ? new LastCheckpoint(rs.getLong(1), rs.getLong(3), new CheckpointSeal(rs.getLong(1), rs.getLong(2),
                    rs.getLong(3), rs.getInt(4), rs.getBytes(5), rs.getBytes(6), Instant.parse(rs.getString(7)),
                    rs.getString(8)).hash())
                    : new LastCheckpoint(0, 0, CheckpointSeal.GENESIS);
            if (lastEvent > last.toIndex()) {
                throw new IllegalStateException("the ledger has events after its last checkpoint (up to position " + lastEvent
                        + "): seal them before filling");
            }
            return last;
        }
    }

    /** One case being written: its history and how far it has got. */
    private record OpenCase(Iterator<GenericDomainEventMessage<LedgerEvent>> events, byte[][] previous) {
    }

    private static final class Writer {

        private final Connection owner;
        private final SigningKey signingKey;
        private final Shape shape;
        private final long firstIndex;
        private final ByteArrayOutputStream events = new ByteArrayOutputStream(FLUSH_BYTES + (1 << 20));
        private final ByteArrayOutputStream entries = new ByteArrayOutputStream(1 << 20);
        private final ByteArrayOutputStream seals = new ByteArrayOutputStream(1 << 16);
        private final List<byte[]> leaves = new ArrayList<>();
        private long nextIndex;
        private long checkpointNumber;
        private byte[] checkpointHash;
        private long checkpointFrom;
        private long checkpoints;
        private long payloadBytes;
        private Instant lastRecorded = Instant.EPOCH;

        Writer(Connection owner, SigningKey signingKey, Shape shape, LastCheckpoint last) {
            this.owner = owner;
            this.signingKey = signingKey;
            this.shape = shape;
            this.firstIndex = last.toIndex() + 1;
            this.nextIndex = firstIndex;
            this.checkpointNumber = last.number();
            this.checkpointHash = last.hash();
            this.checkpointFrom = firstIndex;
        }

        long lastIndex() {
            return nextIndex - 1;
        }

        void writeAll() throws SQLException, IOException {
            Deque<OpenCase> open = new ArrayDeque<>();
            int started = 0;
            while (started < shape.cases() || !open.isEmpty()) {
                while (open.size() < shape.openCases() && started < shape.cases()) {
                    open.addLast(new OpenCase(SyntheticCases.history(started++, shape.eventsPerCase()).iterator(),
                            new byte[][] {EventHash.GENESIS}));
                }
                OpenCase current = open.pollFirst();
                write(current.events().next(), current.previous());
                if (current.events().hasNext()) {
                    open.addLast(current);
                }
            }
            if (!leaves.isEmpty()) {
                seal();
            }
            flush();
        }

        private void write(GenericDomainEventMessage<LedgerEvent> message, byte[][] previous) throws SQLException, IOException {
            LedgerEvent event = message.getPayload();
            byte[] payload = JSON.writeValueAsBytes(event);
            Revision revision = event.getClass().getAnnotation(Revision.class);
            EventHash input = new EventHash(message.getAggregateIdentifier(), message.getSequenceNumber(), message.getIdentifier(),
                    event.getClass().getName(), revision == null ? null : revision.value(),
                    CanonicalEnvelope.of(event.envelope()).digest(), Sha256.of(payload), previous[0]);
            byte[] hash = input.compute();
            long index = nextIndex++;
            Instant recorded = event.envelope().recordedAt();
            String correlation = UUID.randomUUID().toString();
            byte[] metaData = ("{\"traceId\":\"" + correlation + "\",\"correlationId\":\"" + correlation + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            row(events, index, message.getIdentifier(), metaData, payload, input.payloadRevision(),
                    input.payloadType(), recorded.toString(), input.aggregateId(), input.sequenceNumber(),
                    message.getType(), input.envelopeDigest(), input.payloadDigest(), previous[0], hash);
            row(entries, index, checkpointNumber + 1, leaves.size(),
                    input.aggregateId(), input.sequenceNumber(), hash);
            previous[0] = hash;
            leaves.add(hash);
            payloadBytes += payload.length;
            lastRecorded = recorded.isAfter(lastRecorded) ? recorded : lastRecorded;
            if (leaves.size() == shape.eventsPerCheckpoint()) {
                seal();
                if (events.size() >= FLUSH_BYTES) {
                    flush();
                }
            }
        }

        private void seal() {
            CheckpointSeal seal = new CheckpointSeal(++checkpointNumber, checkpointFrom, lastIndex(), leaves.size(),
                    new MerkleTree(leaves).root(), checkpointHash, lastRecorded, signingKey.keyId());
            byte[] signature = signingKey.sign(seal.canonicalBytes());
            checkpointHash = seal.hash();
            row(seals, seal.number(), seal.fromIndex(), seal.toIndex(),
                    seal.eventCount(), seal.merkleRoot(), seal.previousCheckpointHash(),
                    seal.sealedAt().toString(), seal.keyId(), signature, checkpointHash);
            checkpoints++;
            checkpointFrom = lastIndex() + 1;
            leaves.clear();
        }

        /** Events first, then their checkpoints, then the entries that refer to both. */
        private void flush() throws SQLException {
            copy(EVENT_COPY, events);
            copy(CHECKPOINT_COPY, seals);
            copy(ENTRY_COPY, entries);
        }

        private void copy(String sql, ByteArrayOutputStream rows) throws SQLException {
            if (rows.size() == 0) {
                return;
            }
            CopyIn copy = owner.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                copy.writeToCopy(rows.toByteArray(), 0, rows.size());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            rows.reset();
        }

        /** A row in COPY's text format: text, numbers, bytes as bytea, {@code null} as SQL NULL. */
        private static void row(ByteArrayOutputStream out, Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write('\t');
                }
                if (values[i] == null) {
                    out.writeBytes(NULL);
                } else if (values[i] instanceof byte[] bytes) {
                    out.writeBytes(BYTEA);
                    out.writeBytes(HEX.formatHex(bytes).getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.writeBytes(values[i].toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                            .replace("\r", "\\r").getBytes(StandardCharsets.UTF_8));
                }
            }
            out.write('\n');
        }
    }
}
