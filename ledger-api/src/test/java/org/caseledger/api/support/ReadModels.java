package org.caseledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The read models seen from outside: waiting for them to catch up, rebuilding them, and a digest of every row. */
public final class ReadModels {

    private ReadModels() {
    }

    /** Waits until the read models have processed every stored event and are not replaying. */
    public static void awaitCaughtUp(LedgerHttp http, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode status = http.as("eva").get("/api/v1/admin/projections").json().get(0);
            assertThat(status.path("name").asString()).isEqualTo("read-models");
            assertThat(status.path("replaying").asBoolean()).isFalse();
            assertThat(status.path("position").asLong()).isEqualTo(status.path("head").asLong());
        });
    }

    /** Starts a rebuild of every read model by replay. */
    public static LedgerHttp.Response rebuild(LedgerHttp http) {
        LedgerHttp.Response started = http.as("eva").post("/api/v1/admin/projections/rebuild?projection=read-models", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started;
    }

    /**
     * Every read model, row for row: the case views, the compliance checks, the metric facts and the late recordings (an
     * empty table as such).
     */
    public static String digest(JdbcClient jdbc) {
        return jdbc.sql("SELECT (SELECT coalesce(md5(string_agg(case_id::text || version || document::text, ',' ORDER BY case_id)), 'none') FROM case_view)"
                        + " || (SELECT coalesce(md5(string_agg(concat_ws('|', case_id, rule, subject, reference_day, due_on, met_on, met, detail), ','"
                        + " ORDER BY case_id, rule, subject)), 'none') FROM compliance_check)"
                        + " || (SELECT coalesce(md5(string_agg(concat_ws('|', stream, sequence_number, metric, subject, unit, day, dimension, value), ','"
                        + " ORDER BY stream, sequence_number, metric, subject)), 'none') FROM metric_fact)"
                        + " || (SELECT coalesce(md5(string_agg(concat_ws('|', case_id, sequence_number, case_number, unit, event_type, decision_kind,"
                        + " occurred_at, recorded_at, recorded_on, days_after, misses_turned), ',' ORDER BY case_id, sequence_number)), 'none')"
                        + " FROM late_recording)")
                .query(String.class).single();
    }

    /**
     * Every row of the read models, keyed by table and row key, with the row as text: what {@link #digest} hashes, kept
     * so that a difference can be named (which case, which rule) rather than only found.
     */
    public static Map<String, String> rows(JdbcClient jdbc) {
        Map<String, String> rows = new TreeMap<>();
        jdbc.sql("SELECT 'case_view ' || case_id, version || ' ' || document::text FROM case_view")
                .query(rs -> { rows.put(rs.getString(1), rs.getString(2)); });
        jdbc.sql("SELECT 'compliance_check ' || concat_ws('|', case_id, rule, subject), concat_ws('|', reference_day, due_on, met_on, met, detail)"
                        + " FROM compliance_check")
                .query(rs -> { rows.put(rs.getString(1), rs.getString(2)); });
        jdbc.sql("SELECT 'metric_fact ' || concat_ws('|', stream, sequence_number, metric, subject), concat_ws('|', unit, day, dimension, value)"
                        + " FROM metric_fact")
                .query(rs -> { rows.merge(rs.getString(1), rs.getString(2), (a, b) -> a + " & " + b); });
        jdbc.sql("SELECT 'late_recording ' || concat_ws('|', case_id, sequence_number), concat_ws('|', case_number, unit, event_type,"
                        + " decision_kind, occurred_at, recorded_at, recorded_on, days_after, misses_turned) FROM late_recording")
                .query(rs -> { rows.put(rs.getString(1), rs.getString(2)); });
        return rows;
    }

    /** Fails naming the first rows that differ between two reads of {@link #rows}, each as it was and as it is. */
    public static void assertSameRows(Map<String, String> expected, Map<String, String> actual, String what) {
        List<String> differences = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            if (!Objects.equals(expected.get(key), actual.get(key)) && differences.size() < 3) {
                differences.add(key + "\n  was: " + expected.get(key) + "\n  now: " + actual.get(key));
            }
        }
        assertThat(differences).as("%s: rows that differ (the first three)", what).isEmpty();
    }
}
