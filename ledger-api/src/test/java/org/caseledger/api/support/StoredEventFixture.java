package org.caseledger.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseledger.api.integrity.StoredEvent;
import org.caseledger.verify.event.EventHash;
import org.caseledger.verify.primitives.Sha256;

/**
 * Events as an earlier version of the ledger stored them: rows of {@code domain_event_entry} kept as a JSON fixture
 * (payload and metadata as JSON objects, written back as compact JSON, which is how Jackson stored them). Inserted
 * with the digests and chained hashes the appender computes, over exactly these payload bytes, so that verification
 * treats them like any other stored event.
 */
public final class StoredEventFixture {

    /** One stored row; {@code payload} and {@code metaData} are the bytes the column holds. */
    public record Row(String aggregateId, long sequenceNumber, String eventId, String type, String timeStamp,
                      String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The appender holds this shared lock until its transaction ends, so that no checkpoint seals around an append in flight. */
    private static final String APPEND_LOCK_SHARED = "SELECT pg_advisory_xact_lock_shared(hashtextextended('ledger-append', 0))";

    private StoredEventFixture() {
    }

    /** The rows of a fixture on the test class path, in the order they were stored. */
    public static List<Row> load(String resource) {
        try (InputStream in = StoredEventFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            List<Row> rows = new ArrayList<>();
            for (JsonNode event : JSON.readTree(in).path("events")) {
                rows.add(new Row(event.path("aggregateIdentifier").asText(), event.path("sequenceNumber").asLong(),
                        event.path("eventIdentifier").asText(), event.path("type").asText(), event.path("timeStamp").asText(),
                        event.path("payloadType").asText(),
                        event.path("payloadRevision").isNull() ? null : event.path("payloadRevision").asText(),
                        JSON.writeValueAsBytes(event.path("payload")), JSON.writeValueAsBytes(event.path("metaData"))));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable fixture " + resource, e);
        }
    }

    /**
     * A database as an earlier version of the ledger left it: migrated, holding these rows and nothing else, before any
     * node of this version starts on it (a node appends its own events as it starts, its configured staff, and rows of
     * an earlier version come before those).
     */
    public static TestDatabase.Database storedBeforeTheLedgerStarts(List<Row> rows) {
        TestDatabase.Database database = TestDatabase.another();
        try (Connection owner = database.ownerConnection()) {
            append(rows, owner);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not store the fixture in " + database.url(), e);
        }
        return database;
    }

    /**
     * Appends the rows in one transaction, each chained to the previous row of its aggregate as the appender chains them.
     * The access index does not know them until it is rebuilt by replay ({@code AccessIndexReplay}), as a ledger
     * upgraded from an older version rebuilds it.
     */
    public static void append(List<Row> rows, Connection owner) throws SQLException, IOException {
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (Statement lock = owner.createStatement();
             PreparedStatement insert = owner.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                     + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data, "
                     + "envelope_digest, payload_digest, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            lock.execute(APPEND_LOCK_SHARED);
            Map<String, byte[]> lastHashes = new HashMap<>();
            for (Row row : rows) {
                byte[] previousHash = row.sequenceNumber() == 0 ? EventHash.GENESIS : lastHashes.get(row.aggregateId());
                if (previousHash == null) {
                    throw new IllegalArgumentException("the fixture has no event before " + row.sequenceNumber() + " of " + row.aggregateId());
                }
                EventHash hash = new EventHash(row.aggregateId(), row.sequenceNumber(), row.eventId(), row.payloadType(),
                        row.payloadRevision(), StoredEvent.envelopeOf(row.payload()).digest(), Sha256.of(row.payload()), previousHash);
                byte[] computed = hash.compute();
                lastHashes.put(row.aggregateId(), computed);
                insert.setString(1, row.eventId());
                insert.setString(2, row.aggregateId());
                insert.setLong(3, row.sequenceNumber());
                insert.setString(4, row.type());
                insert.setString(5, row.timeStamp());
                insert.setString(6, row.payloadType());
                insert.setString(7, row.payloadRevision());
                insert.setBytes(8, row.payload());
                insert.setBytes(9, row.metaData());
                insert.setBytes(10, hash.envelopeDigest());
                insert.setBytes(11, hash.payloadDigest());
                insert.setBytes(12, previousHash);
                insert.setBytes(13, computed);
                insert.addBatch();
            }
            insert.executeBatch();
            owner.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }
}
