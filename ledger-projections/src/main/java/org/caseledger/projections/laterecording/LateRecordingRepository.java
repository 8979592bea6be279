package org.caseledger.projections.laterecording;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.projections.compliance.ComplianceRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code late_recording} table: one row per late recording, written when its event is folded in and never changed
 * (what it turned is judged on the day it was recorded), so a replay of the same event adds nothing.
 */
@Repository
public class LateRecordingRepository {

    private final JdbcTemplate jdbc;

    public LateRecordingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void addAll(List<LateRecording> recordings) {
        if (recordings.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO late_recording (case_id, sequence_number, case_number, unit, event_type, decision_kind, occurred_at,
                                            recorded_at, recorded_on, days_after, misses_turned)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[])
                ON CONFLICT DO NOTHING
                """, recordings, recordings.size(), (statement, late) -> {
            statement.setObject(1, UUID.fromString(late.caseId()));
            statement.setLong(2, late.sequenceNumber());
            statement.setString(3, late.caseNumber());
            statement.setString(4, late.unit());
            statement.setString(5, late.type());
            statement.setString(6, late.decisionKind());
            statement.setTimestamp(7, Timestamp.from(late.occurredAt()));
            statement.setTimestamp(8, Timestamp.from(late.recordedAt()));
            statement.setDate(9, Date.valueOf(LedgerTime.dayOf(late.recordedAt())));
            statement.setLong(10, late.daysAfter());
            statement.setObject(11, "{" + String.join(",", late.missesTurned().stream().map(Enum::name).toList()) + "}");
        });
    }

    /**
     * The late recordings of a unit recorded on a Swedish day in {@code [from, to)}, oldest first; {@code missesTurned}:
     * only those that turned a miss into a pass.
     */
    public List<LateRecording> recorded(String unit, LocalDate from, LocalDate to, boolean missesTurned) {
        return jdbc.query("SELECT * FROM late_recording WHERE unit = ? AND recorded_on >= ? AND recorded_on < ? "
                        + "AND (NOT ? OR cardinality(misses_turned) > 0) ORDER BY recorded_at, case_number, sequence_number",
                (rs, row) -> recording(rs), unit, Date.valueOf(from), Date.valueOf(to), missesTurned);
    }

    private static LateRecording recording(ResultSet rs) throws SQLException {
        Array turned = rs.getArray("misses_turned");
        return new LateRecording(rs.getString("case_id"), rs.getString("case_number"), rs.getString("unit"), rs.getLong("sequence_number"),
                rs.getString("event_type"), rs.getString("decision_kind"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(), rs.getLong("days_after"),
                Arrays.stream((String[]) turned.getArray()).map(ComplianceRule::valueOf).toList());
    }

    public void deleteAll() {
        jdbc.update("TRUNCATE late_recording");
    }
}
