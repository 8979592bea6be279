package org.caseledger.projections.compliance;

import java.sql.Date;
import java.util.List;
import java.util.UUID;
import org.caseledger.projections.caseview.CaseView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code compliance_check} table: the current checks of every case, replaced whenever the case changes. */
@Repository
public class ComplianceRepository {

    private final JdbcTemplate jdbc;

    public ComplianceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(CaseView view, List<ComplianceCheck> checks) {
        UUID caseId = UUID.fromString(view.caseId);
        jdbc.update("DELETE FROM compliance_check WHERE case_id = ?", caseId);
        jdbc.batchUpdate("INSERT INTO compliance_check (case_id, case_number, unit, assignee, rule, subject, reference_day, due_on, "
                        + "met_on, met, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                checks.stream().map(check -> new Object[] {caseId, view.caseNumber, check.unit() != null ? check.unit() : view.unit, view.assignee, check.rule().name(),
                        check.subject(), Date.valueOf(check.referenceDay()), check.dueOn() == null ? null : Date.valueOf(check.dueOn()),
                        check.metOn() == null ? null : Date.valueOf(check.metOn()), check.met(), check.detail()}).toList());
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM compliance_check");
    }
}
