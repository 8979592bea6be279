package org.caseledger.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The physical references: the same work done with plain JDBC on the same PostgreSQL, with nothing of the ledger
 * around it. They bound what the ledger could reach on this machine, so each ledger figure is read against them.
 */
final class References {

    /** The bytes of one stored event, copied into the reference rows so that they have the same size. */
    record EventRow(byte[] payload, byte[] metaData, String payloadType, String payloadRevision, byte[] digest) {
    }

    private static final int FETCH_SIZE = 2_000;

    private final DataSource owner;

    References(DataSource owner) {
        this.owner = owner;
    }

    /** A table shaped like the event table, with its keys and indexes, but no triggers and a sequence of its own. */
    void createAppendTable() throws Exception {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE reference_event (LIKE domain_event_entry INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            statement.execute("CREATE SEQUENCE reference_event_index");
            statement.execute("ALTER TABLE reference_event ALTER COLUMN global_index SET DEFAULT nextval('reference_event_index')");
        }
    }

    /** The newest global position, that the events appended next follow. */
    long headPosition() throws Exception {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            head.next();
            return head.getLong(1);
        }
    }

    /** What each of the {@code commands} commands that appended the events after {@code after} wrote. */
    WriteFootprint footprint(String command, long after, long commands) throws Exception {
        return WriteFootprint.measure(owner, command, after, commands);
    }

    /** The physical reference of appending what the footprint's command writes. */
    MatchingAppend matchingAppend(WriteFootprint footprint) throws Exception {
        return MatchingAppend.of(owner, footprint);
    }

    /** A stored event of this type, to copy the size of. */
    EventRow storedEvent(String payloadTypeSuffix) throws Exception {
        try (Connection connection = owner.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT payload, meta_data, payload_type, payload_revision, hash "
                     + "FROM domain_event_entry WHERE payload_type LIKE ? ORDER BY global_index DESC LIMIT 1")) {
            select.setString(1, "%" + payloadTypeSuffix);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no stored " + payloadTypeSuffix + " to copy");
                }
                return new EventRow(rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getString(4), rs.getBytes(5));
            }
        }
    }

    /** Rows like this event, one per transaction (autocommit, synchronous commit as configured), from several threads. */
    double appendRate(EventRow row, int threads, Duration duration) throws Exception {
        return Load.rate(threads, duration, (thread, call) -> insertOne(row));
    }

    /** The latencies of single-row transactions, one after the other. */
    Load.Latencies appendLatencies(EventRow row, int warmUp, int calls) throws Exception {
        return Load.latencies(warmUp, calls, (thread, call) -> insertOne(row));
    }

    private void insertOne(EventRow row) throws Exception {
        try (Connection connection = owner.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO reference_event (event_identifier, meta_data, "
                     + "payload, payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type, "
                     + "envelope_digest, payload_digest, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'Case', ?, ?, ?, ?)")) {
            String id = UUID.randomUUID().toString();
            insert.setString(1, id);
            insert.setBytes(2, row.metaData());
            insert.setBytes(3, row.payload());
            insert.setString(4, row.payloadRevision());
            insert.setString(5, row.payloadType());
            insert.setString(6, Instant.now().toString());
            insert.setString(7, id);
            insert.setBytes(8, row.digest());
            insert.setBytes(9, row.digest());
            insert.setBytes(10, row.digest());
            insert.setBytes(11, row.digest());
            insert.executeUpdate();
        }
    }

    /** Reads every stored event in global order, on one thread, and deserializes its payload with the ledger's event serializer. */
    double readAndDeserializeRate(Serializer serializer) throws Exception {
        return inSlices(1, "SELECT payload_type, payload_revision, payload FROM domain_event_entry WHERE global_index BETWEEN ? AND ? "
                + "ORDER BY global_index",
                rs -> serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(3), byte[].class, rs.getString(1), rs.getString(2))))
                .perSecond();
    }

    /**
     * The physical reference of a rebuild: every stored payload read in global order, the range cut into one slice per
     * core, each slice on its own connection and thread, and parsed as JSON with a plain Jackson parser: no ledger
     * code, no decryption, every core.
     */
    Load.Run parallelScanAndParse(int threads) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return inSlices(threads, "SELECT payload FROM domain_event_entry WHERE global_index BETWEEN ? AND ? ORDER BY global_index",
                rs -> json.readTree(rs.getBytes(1)));
    }

    /**
     * Scans every stored event's columns, as the verification reads them, and takes the SHA-256 of their bytes, the range
     * cut into {@code threads} slices; with one slice per core, the physical reference of a verification.
     */
    Load.Run scanAndHash(int threads) throws Exception {
        return inSlices(threads, "SELECT global_index, aggregate_identifier, sequence_number, event_identifier, payload_type, "
                + "payload_revision, payload, envelope_digest, payload_digest, previous_hash, hash FROM domain_event_entry "
                + "WHERE global_index BETWEEN ? AND ?", new RowWork() {
                    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(References::sha256);

                    @Override
                    public void on(ResultSet rs) throws Exception {
                        MessageDigest digest = sha256.get();
                        for (int column : new int[] {2, 4, 5, 6}) {
                            rs.getString(column);
                        }
                        rs.getLong(1);
                        rs.getLong(3);
                        digest.update(rs.getBytes(7));
                        rs.getBytes(8);
                        rs.getBytes(9);
                        rs.getBytes(10);
                        digest.digest(rs.getBytes(11));
                    }
                });
    }

    /** What is done with each row of a slice. */
    private interface RowWork {
        void on(ResultSet rs) throws Exception;
    }

    /** Every stored event's row, the global order cut into {@code threads} slices read at once; answers the rows and the time. */
    private Load.Run inSlices(int threads, String query, RowWork work) throws Exception {
        long first;
        long last;
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement();
             ResultSet range = statement.executeQuery("SELECT coalesce(min(global_index), 0), coalesce(max(global_index), -1) FROM domain_event_entry")) {
            range.next();
            first = range.getLong(1);
            last = range.getLong(2);
        }
        long width = (last - first + threads) / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<Long>> slices = new ArrayList<>();
            for (int slice = 0; slice < threads; slice++) {
                long from = first + slice * width;
                long to = Math.min(last, from + width - 1);
                slices.add(pool.submit(() -> readSlice(query, from, to, work)));
            }
            long rows = 0;
            for (Future<Long> slice : slices) {
                rows += slice.get();
            }
            return new Load.Run(rows, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    private long readSlice(String query, long from, long to, RowWork work) throws Exception {
        long rows = 0;
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(query)) {
                select.setFetchSize(FETCH_SIZE);
                select.setLong(1, from);
                select.setLong(2, to);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        work.on(rs);
                        rows++;
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return rows;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latencies of reading one stream's events and deserializing them: what a fold of it costs at the least. */
    Load.Latencies readStreamLatencies(String aggregateId, Serializer serializer, int warmUp, int calls) throws Exception {
        return Load.latencies(warmUp, calls, (thread, call) -> {
            try (Connection connection = owner.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT payload_type, payload_revision, payload "
                         + "FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
                select.setString(1, aggregateId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(3), byte[].class, rs.getString(1), rs.getString(2)));
                    }
                }
            }
        });
    }

    /** The latencies of reading one case view row by key: the least a case read can cost. */
    Load.Latencies caseViewLatencies(List<String> caseIds, int warmUp, int calls) throws Exception {
        return Load.latencies(warmUp, calls, (thread, call) -> {
            try (Connection connection = owner.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT document FROM case_view WHERE case_id = ?")) {
                select.setObject(1, UUID.fromString(caseIds.get(ThreadLocalRandom.current().nextInt(caseIds.size()))));
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("a case view is missing");
                    }
                    rs.getString(1);
                }
            }
        });
    }
}
