package org.caseledger.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseledger.api.integrity.BreakKind;
import org.caseledger.api.integrity.IntegrityAlarm;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.verify.primitives.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The read-access log against a database superuser with no key: removing its newest entries, or rewriting entries
 * with every hash recomputed, is found by verification and refused by the seal, which raises the integrity alarm.
 * Each test puts back what it changed.
 */
class AccessLogAttacksIT extends IntegrationTest {

    @Autowired
    private AccessLogSeals seals;

    @Autowired
    private IntegrityAlarm alarm;

    @AfterEach
    void acknowledgeTheAlarm() {
        alarm.acknowledge("the test that tampered");
    }

    @Test
    void removingTheNewestEntriesAfterASealIsFound() throws Exception {
        readSomeCases();
        assertThat(seals.sealNow()).isPresent();
        List<Map<String, Object>> removed = rows("SELECT * FROM access_log WHERE position > (SELECT max(position) - 3 FROM access_log) ORDER BY position");
        try {
            owner("DELETE FROM access_log WHERE position > (SELECT max(position) - 3 FROM access_log)");

            JsonNode verification = http.as("ivo").get("/api/v1/audit/access-log/verify").json();
            assertThat(verification.path("status").asString()).as(verification.toString()).isEqualTo("BROKEN");
            assertThat(verification.path("firstBrokenPosition").asLong()).isEqualTo(position(removed.get(removed.size() - 1)));
            assertThat(seals.sealNow()).isEmpty();
            assertThat(alarm.current()).hasValueSatisfying(raised -> assertThat(raised.problem().kind()).isEqualTo(BreakKind.ACCESS_LOG_CHANGED));
        } finally {
            for (Map<String, Object> row : removed) {
                insert(row);
            }
        }
        alarm.acknowledge("the test that tampered");
        assertThat(http.as("ivo").get("/api/v1/audit/access-log/verify").field("status")).isEqualTo("INTACT");
    }

    @Test
    void rewritingAnEntryWithEveryHashRecomputedIsFound() throws Exception {
        readSomeCases();
        seals.sealNow();
        readSomeCases();
        long from = jdbc.sql("SELECT max(position) - 2 FROM access_log").query(Long.class).single();
        List<Map<String, Object>> original = rows("SELECT * FROM access_log WHERE position >= ? ORDER BY position", from);
        try {
            rewriteFrom(from, original);

            JsonNode verification = http.as("ivo").get("/api/v1/audit/access-log/verify").json();
            assertThat(verification.path("status").asString()).as(verification.toString()).isEqualTo("BROKEN");
            assertThat(verification.path("firstBrokenPosition").asLong()).isEqualTo(from);
            assertThat(verification.path("problem").asString()).contains("authenticator");
            assertThat(seals.sealNow()).isEmpty();
            assertThat(alarm.current()).hasValueSatisfying(raised -> assertThat(raised.problem().globalIndex()).isEqualTo(from));
        } finally {
            owner("DELETE FROM access_log WHERE position >= " + from);
            for (Map<String, Object> row : original) {
                insert(row);
            }
        }
    }

    @Test
    void removingTheNewestSealTogetherWithTheEntriesItCoveredIsFound() throws Exception {
        readSomeCases();
        seals.sealNow();
        readSomeCases();
        long sealed = seals.sealNow().orElseThrow().number();
        List<Map<String, Object>> seal = rows("SELECT * FROM access_log_seal WHERE number = ?", sealed);
        long coveredFrom = jdbc.sql("SELECT position FROM access_log_seal WHERE number = ?").param(sealed - 1).query(Long.class).single();
        List<Map<String, Object>> removed = rows("SELECT * FROM access_log WHERE position > ? ORDER BY position", coveredFrom);
        try {
            owner("DELETE FROM access_log_seal WHERE number = " + sealed);
            owner("DELETE FROM access_log WHERE position > " + coveredFrom);

            JsonNode verification = http.as("ivo").get("/api/v1/audit/access-log/verify").json();
            assertThat(verification.path("status").asString()).as(verification.toString()).isEqualTo("BROKEN");
            assertThat(verification.path("problem").asString()).contains("seals were removed");
            assertThat(seals.sealNow()).isEmpty();
            assertThat(alarm.current()).isPresent();
        } finally {
            for (Map<String, Object> row : removed) {
                insert(row);
            }
            insertInto("access_log_seal", seal.get(0));
        }
    }

    private void readSomeCases() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.as("lars").get("/api/v1/cases/" + Fixtures.openCase(http)).status()).isEqualTo(200);
        }
    }

    /** Changes who read at {@code from}, then recomputes that entry's hash and every later one's, as a forger would. */
    private void rewriteFrom(long from, List<Map<String, Object>> original) throws Exception {
        byte[] previous = (byte[]) original.get(0).get("previous_hash");
        for (Map<String, Object> row : original) {
            AccessLogEntry entry = entry(row, position(row) == from ? "someone.else" : (String) row.get("staff_id"), previous);
            String hash = AccessLog.hash(entry, previous);
            owner("UPDATE access_log SET staff_id = ?, previous_hash = ?, hash = ? WHERE position = ?", entry.staffId(), previous,
                    Sha256.fromHex(hash), position(row));
            previous = Sha256.fromHex(hash);
        }
    }

    private static AccessLogEntry entry(Map<String, Object> row, String staffId, byte[] previous) {
        return new AccessLogEntry(position(row), ((Number) row.get("format")).intValue(),
                ((java.sql.Timestamp) row.get("read_at")).toInstant(), staffId, (String) row.get("role"), (String) row.get("unit"),
                (String) row.get("address"), (java.util.UUID) row.get("case_id"), (java.util.UUID) row.get("person_id"),
                (String) row.get("what"), (String) row.get("detail"), (String) row.get("purpose"), (String) row.get("outcome"),
                (String) row.get("case_unit"), (Boolean) row.get("assigned"), (Boolean) row.get("protected"), Sha256.hex(previous), null);
    }

    private static long position(Map<String, Object> row) {
        return ((Number) row.get("position")).longValue();
    }

    private void insert(Map<String, Object> row) throws Exception {
        insertInto("access_log", row);
    }

    private void insertInto(String table, Map<String, Object> row) throws Exception {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(column -> "?").toList());
        owner("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
    }

    /** As the database's owner, with the append-only triggers off for the session. */
    private void owner(String sql, Object... params) throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection(); Statement session = owner.createStatement()) {
            session.execute("SET session_replication_role = replica");
            try (PreparedStatement statement = owner.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                statement.executeUpdate();
            }
        }
    }

    private List<Map<String, Object>> rows(String sql, Object... params) throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection(); PreparedStatement statement = owner.prepareStatement(sql)) {
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
}
