package org.caseledger.projections.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.caseledger.projections.caseview.CaseView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code compliance_check} table: the current checks of every case, replaced whenever the case changes (once per processor batch). */
@Repository
public class ComplianceRepository {

    private final JdbcTemplate jdbc;

    public ComplianceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the checks of each of these cases by those their current view gives. */
    public void replace(List<CaseView> views) {
        if (views.isEmpty()) {
            return;
        }
        // Planned for the table as it is now, not once for good: the driver prepares a statement it runs often, and
        // PostgreSQL then keeps a generic plan made while the table was small or empty. Kept, that plan read the whole
        // table for every batch of a rebuild (385 sequential scans, 19 million rows for 100,000 events) and for every
        // live event after it; the primary key's index finds a case's checks directly.
        jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        jdbc.update("DELETE FROM compliance_check WHERE case_id = ANY(?)",
                (Object) views.stream().map(view -> UUID.fromString(view.caseId)).toArray(UUID[]::new));
        insertInto("compliance_check", views);
    }

    /**
     * Writes the checks of these cases' views into {@code table}, {@code compliance_check} or a table of its shape: the
     * checks as the ledger knew them at an instant.
     */
    public void insertInto(String table, List<CaseView> views) {
        List<Row> rows = new ArrayList<>();
        for (CaseView view : views) {
            UUID caseId = UUID.fromString(view.caseId);
            for (ComplianceCheck check : ComplianceChecks.of(view)) {
                rows.add(new Row(caseId, view, check));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // One statement over arrays rather than a JDBC batch of one insert per row: a case has a check per journal
        // note, and a rebuild inserting them row by row spent a quarter of its time here.
        jdbc.update("INSERT INTO " + table + """
                 (case_id, case_number, unit, assignee, rule, subject, reference_day, due_on, met_on, met, detail)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[], ?::date[],
                                     ?::boolean[], ?::text[])
                """,
                column(rows, Row::caseId, UUID[]::new),
                column(rows, row -> row.view().caseNumber, String[]::new),
                column(rows, row -> row.check().unit() != null ? row.check().unit() : row.view().unit, String[]::new),
                column(rows, row -> row.view().assignee, String[]::new),
                column(rows, row -> row.check().rule().name(), String[]::new),
                column(rows, row -> row.check().subject(), String[]::new),
                column(rows, row -> text(row.check().referenceDay()), String[]::new),
                column(rows, row -> text(row.check().dueOn()), String[]::new),
                column(rows, row -> text(row.check().metOn()), String[]::new),
                column(rows, row -> row.check().met() == null ? null : row.check().met().toString(), String[]::new),
                column(rows, row -> row.check().detail(), String[]::new));
    }

    private record Row(UUID caseId, CaseView view, ComplianceCheck check) {
    }

    private static <T> T[] column(List<Row> rows, Function<Row, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }

    public void deleteAll() {
        jdbc.update("TRUNCATE compliance_check");
    }
}
