package org.caseledger.api.integrity;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.verify.event.EventHash;
import org.caseledger.verify.primitives.Sha256;

/**
 * Someone with full database access: connects as the owner and switches triggers off for its session, so the
 * append-only rules do not stop it. Takes a copy of what it touches and puts it back afterwards.
 */
final class Tamper implements AutoCloseable {

    /** A note's text as stored: encrypted, so a forger replaces the whole value. */
    static final String NOTE_TEXT = "\"text\":\"[^\"]+\"";

    private final Connection owner;
    private final List<Map<String, Object>> savedEvents = new ArrayList<>();
    private final List<Map<String, Object>> savedCheckpoints = new ArrayList<>();
    private final List<String> addedEventIds = new ArrayList<>();

    Tamper(String caseId) throws SQLException {
        this(caseId, TestDatabase.get());
    }

    Tamper(String caseId, TestDatabase.Database database) throws SQLException {
        owner = database.ownerConnection();
        try (Statement statement = owner.createStatement()) {
            statement.execute("SET session_replication_role = replica");
        }
        savedEvents.addAll(rows("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", caseId));
        savedCheckpoints.addAll(rows("SELECT * FROM ledger_checkpoint ORDER BY number"));
    }

    List<Map<String, Object>> events() {
        return savedEvents;
    }

    Map<String, Object> event(long sequenceNumber) {
        return savedEvents.stream().filter(row -> (Long) row.get("sequence_number") == sequenceNumber).findFirst().orElseThrow();
    }

    int execute(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }

    void insertEvent(Map<String, Object> row) throws SQLException {
        addedEventIds.add((String) row.get("event_identifier"));
        insert("domain_event_entry", row);
    }

    List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                        row.put(rs.getMetaData().getColumnName(column), rs.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** Puts back every saved row exactly as it was and removes what was added. */
    @Override
    public void close() throws SQLException {
        try {
            for (String eventId : addedEventIds) {
                execute("DELETE FROM domain_event_entry WHERE event_identifier = ?", eventId);
            }
            for (Map<String, Object> row : savedEvents) {
                execute("DELETE FROM domain_event_entry WHERE global_index = ?", row.get("global_index"));
                execute("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                        row.get("aggregate_identifier"), row.get("sequence_number"));
                insert("domain_event_entry", row);
            }
            for (Map<String, Object> row : savedCheckpoints) {
                execute("DELETE FROM ledger_checkpoint WHERE number = ?", row.get("number"));
                insert("ledger_checkpoint", row);
            }
        } finally {
            owner.close();
        }
    }

    void insert(String table, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(column -> "?").toList());
        execute("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
    }

    /**
     * A forged event after {@code previous} in its stream, at this global position: a new note with every digest and hash
     * computed as the public forms say, and the authenticator of {@code previous} copied, since a forger has no key.
     */
    static Map<String, Object> forgedAfter(Map<String, Object> previous, long globalIndex) {
        String caseId = (String) previous.get("aggregate_identifier");
        long sequence = (Long) previous.get("sequence_number") + 1;
        String eventId = UUID.randomUUID().toString();
        byte[] payload = new String((byte[]) previous.get("payload"), StandardCharsets.UTF_8)
                .replaceAll("\"noteId\":\"[^\"]+\"", "\"noteId\":\"" + UUID.randomUUID() + "\"")
                .replaceFirst(NOTE_TEXT, "\"text\":\"Forged note\"").getBytes(StandardCharsets.UTF_8);
        Map<String, Object> forged = new LinkedHashMap<>(previous);
        forged.put("global_index", globalIndex);
        forged.put("event_identifier", eventId);
        forged.put("sequence_number", sequence);
        forged.put("payload", payload);
        forged.put("payload_digest", Sha256.of(payload));
        forged.put("previous_hash", previous.get("hash"));
        forged.put("hash", new EventHash(caseId, sequence, eventId, (String) previous.get("payload_type"),
                (String) previous.get("payload_revision"), (byte[]) previous.get("envelope_digest"), Sha256.of(payload),
                (byte[]) previous.get("hash")).compute());
        return forged;
    }

}
