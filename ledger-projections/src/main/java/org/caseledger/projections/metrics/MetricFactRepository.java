package org.caseledger.projections.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.caseledger.projections.caseview.CaseView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code metric_fact} table. A case's facts are derived from its whole view and replaced whenever the case
 * changes (once per processor batch), under the case's id as their stream and their place in the view's facts as
 * their sequence number; an outreach activity's facts are keyed by its event, so replaying that event adds nothing.
 */
@Repository
public class MetricFactRepository {

    private static final String READ_MODEL = "metric_fact";

    private final JdbcTemplate jdbc;

    public MetricFactRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts one outreach event produced: its stream and sequence number are their key. */
    public record Produced(String stream, long sequenceNumber, List<MetricFact> facts) {
    }

    /** Replaces the facts of each of these cases by those their current view gives. */
    public void replace(List<CaseView> views) {
        if (views.isEmpty()) {
            return;
        }
        // Planned per execution, as the compliance checks' delete (ComplianceRepository): the stream is the key's first
        // column, so a case's facts are found through the key's index.
        jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        jdbc.update("DELETE FROM metric_fact WHERE stream = ANY(?)", (Object) views.stream().map(view -> view.caseId).toArray(String[]::new));
        insert(READ_MODEL, rowsOf(views));
    }

    public void addAll(List<Produced> produced) {
        insert(READ_MODEL, rowsOf(produced));
    }

    /**
     * Writes the facts of these cases' views and of these outreach events into {@code table}, a table of this one's
     * shape: the facts as the ledger knew them at an instant, keyed as here.
     */
    void insertInto(String table, List<CaseView> views, List<Produced> produced) {
        insert(table, rowsOf(views));
        insert(table, rowsOf(produced));
    }

    private static List<Row> rowsOf(List<CaseView> views) {
        List<Row> rows = new ArrayList<>();
        for (CaseView view : views) {
            List<MetricFact> facts = MetricFacts.of(view);
            for (int i = 0; i < facts.size(); i++) {
                rows.add(new Row(view.caseId, i, facts.get(i)));
            }
        }
        return rows;
    }

    private static List<Row> rowsOf(Collection<Produced> produced) {
        List<Row> rows = new ArrayList<>();
        for (Produced event : produced) {
            for (MetricFact fact : event.facts()) {
                rows.add(new Row(event.stream(), event.sequenceNumber(), fact));
            }
        }
        return rows;
    }

    private void insert(String table, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update("INSERT INTO " + table + """
                 (stream, sequence_number, metric, subject, case_id, unit, day, dimension, value)
                SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::date[], ?::text[], ?::numeric[])
                ON CONFLICT DO NOTHING
                """,
                column(rows, Row::stream, String[]::new),
                column(rows, Row::sequenceNumber, Long[]::new),
                column(rows, row -> row.fact().metric().name(), String[]::new),
                column(rows, row -> row.fact().subject(), String[]::new),
                column(rows, row -> row.fact().caseId() == null ? null : UUID.fromString(row.fact().caseId()), UUID[]::new),
                column(rows, row -> row.fact().unit(), String[]::new),
                column(rows, row -> row.fact().day().toString(), String[]::new),
                column(rows, row -> row.fact().dimension(), String[]::new),
                column(rows, row -> row.fact().value().toPlainString(), String[]::new));
    }

    private record Row(String stream, long sequenceNumber, MetricFact fact) {
    }

    private static <T> T[] column(List<Row> rows, Function<Row, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    public void deleteAll() {
        jdbc.update("TRUNCATE metric_fact");
    }
}
