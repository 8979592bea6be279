package org.caseledger.projections.compliance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Compliance per rule over a period, with the cases behind every miss, and the deadlines still open. */
@Component
public class ComplianceQuery {

    /** One check as a reader sees it, with its status on the day asked. */
    public record Entry(String caseId, String caseNumber, String unit, String assignee, ComplianceRule rule, String subject,
                        LocalDate referenceDay, LocalDate dueOn, LocalDate metOn, String status, String detail) {
    }

    /**
     * For one rule: how many checks were decided (met, missed or overdue: the rate's denominator), how many were met (its
     * numerator), how many are still pending (open, last day not passed: left out of the rate until decided), and the
     * misses the reader may open, with how many others there are that the reader may not (a case since transferred to
     * another unit, or a protected one).
     */
    public record RuleResult(ComplianceRule rule, long checked, long met, long pending, Double rate, List<Entry> misses,
                             long missesNotShown) {
    }

    private final JdbcTemplate jdbc;

    public ComplianceQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Checks whose reference day lies in {@code [from, to)}; {@code unit} {@code null} means every unit. */
    public List<RuleResult> report(String unit, LocalDate from, LocalDate to, LocalDate today) {
        Map<ComplianceRule, List<Entry>> byRule = new EnumMap<>(ComplianceRule.class);
        for (ComplianceRule rule : ComplianceRule.values()) {
            byRule.put(rule, new ArrayList<>());
        }
        jdbc.query("SELECT * FROM compliance_check WHERE reference_day >= ? AND reference_day < ? AND (CAST(? AS text) IS NULL OR unit = ?) "
                        + "ORDER BY rule, reference_day, case_number, subject",
                rs -> {
                    Entry entry = entry(rs, today);
                    byRule.get(entry.rule()).add(entry);
                }, Date.valueOf(from), Date.valueOf(to), unit, unit);
        List<RuleResult> results = new ArrayList<>();
        byRule.forEach((rule, entries) -> {
            List<Entry> decided = entries.stream().filter(e -> !e.status().equals("PENDING")).toList();
            long met = decided.stream().filter(e -> e.status().equals("MET")).count();
            results.add(new RuleResult(rule, decided.size(), met, entries.size() - decided.size(),
                    decided.isEmpty() ? null : (double) met / decided.size(), decided.stream().filter(e -> !e.status().equals("MET")).toList(), 0));
        });
        return results;
    }

    /** Open checks with a last day: overdue ones, and those due within {@code dueWithinDays} of today. */
    public List<Entry> deadlines(String unit, String assignee, LocalDate today, int dueWithinDays) {
        return jdbc.query("SELECT * FROM compliance_check WHERE met IS NULL AND due_on IS NOT NULL AND due_on <= ? "
                        + "AND (CAST(? AS text) IS NULL OR unit = ?) AND (CAST(? AS text) IS NULL OR assignee = ?) ORDER BY due_on, case_number, rule, subject",
                (rs, row) -> entry(rs, today), Date.valueOf(today.plusDays(dueWithinDays)), unit, unit, assignee, assignee);
    }

    private static Entry entry(ResultSet rs, LocalDate today) throws SQLException {
        ComplianceCheck check = new ComplianceCheck(ComplianceRule.valueOf(rs.getString("rule")), rs.getString("unit"), rs.getString("subject"),
                rs.getDate("reference_day").toLocalDate(), day(rs, "due_on"), day(rs, "met_on"), (Boolean) rs.getObject("met"),
                rs.getString("detail"));
        return new Entry(rs.getString("case_id"), rs.getString("case_number"), rs.getString("unit"), rs.getString("assignee"),
                check.rule(), check.subject(), check.referenceDay(), check.dueOn(), check.metOn(), check.statusOn(today), check.detail());
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
