package org.caseledger.projections.compliance;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
        jdbc.update("DELETE FROM compliance_check WHERE case_id = ANY(?)",
                (Object) views.stream().map(view -> UUID.fromString(view.caseId)).toArray(UUID[]::new));
        List<Object[]> rows = new ArrayList<>();
        for (CaseView view : views) {
            UUID caseId = UUID.fromString(view.caseId);
            for (ComplianceCheck check : ComplianceChecks.of(view)) {
                rows.add(new Object[] {caseId, view.caseNumber, check.unit() != null ? check.unit() : view.unit, view.assignee,
                        check.rule().name(), check.subject(), Date.valueOf(check.referenceDay()),
                        check.dueOn() == null ? null : Date.valueOf(check.dueOn()),
                        check.metOn() == null ? null : Date.valueOf(check.metOn()), check.met(), check.detail()});
            }
        }
        jdbc.batchUpdate("INSERT INTO compliance_check (case_id, case_number, unit, assignee, rule, subject, reference_day, due_on, "
                + "met_on, met, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM compliance_check");
    }
}
