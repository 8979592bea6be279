package org.caseledger.api.access;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.caseledger.core.shared.ValueProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case list: the case files a member of staff may read, filtered, in one of two orders, a page at a time. It pages
 * in the database on the access index, which is kept in the appending transaction, so a page is as large as asked and
 * a case just opened is listed at once; the status comes from the case view, which follows within moments. Who may
 * see which case is {@link VisibleCases}. A page continues after a cursor naming the last case of the page before (keyset paging), so a
 * case opened meanwhile neither repeats nor hides one.
 */
@Repository
public class CaseListQuery {

    /** The two orders: newest activity first, or by case number. */
    public enum Order { LAST_ACTIVITY, CASE_NUMBER }

    /**
     * What to list; every filter is optional (null), days are calendar days in Sweden, both ends included.
     * {@code children} lists the cases of any of these children (none when it is empty); {@code overdue} the cases with a
     * deadline open and passed {@code today}, or with none; {@code protectedIdentity} the cases of a protected child or
     * household, or of none.
     */
    public record Filter(UnitId unit, String status, StaffId assignee, Collection<UUID> children, String caseNumber,
                         LocalDate openedFrom, LocalDate openedTo, LocalDate activeFrom, LocalDate activeTo, Boolean overdue,
                         Boolean protectedIdentity, LocalDate today) {
    }

    /** One case file in the list: nothing in it names anyone. */
    public record Listed(CaseAccess access, String status, UUID child, Instant openedAt, Instant lastActivityAt) {
    }

    /** A page, and the cursor of the next if there is one. */
    public record Page(List<Listed> cases, Optional<String> next) {
    }

    /** A deadline open and passed: the status OVERDUE of a compliance check (ComplianceCheck.statusOn), in SQL. */
    private static final String OVERDUE = "EXISTS (SELECT 1 FROM compliance_check k WHERE k.case_id = c.case_id "
            + "AND k.met IS NULL AND k.due_on < ?)";

    private final JdbcClient jdbc;

    CaseListQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page page(StaffUser staff, Filter filter, Order order, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT c.case_id, c.case_number, c.unit, c.assignee, c.child_id, c.opened_at, "
                + "c.last_entry_at, v.status, " + VisibleCases.PROTECTED + " AS protected_identity "
                + "FROM case_access c LEFT JOIN case_view v ON v.case_id = c.case_id WHERE ");
        List<Object> params = new ArrayList<>();
        sql.append(VisibleCases.condition(staff, params));
        where(sql, params, "c.unit = ?", filter.unit() == null ? null : filter.unit().value());
        where(sql, params, "v.status = ?", filter.status());
        where(sql, params, "c.assignee = ?", filter.assignee() == null ? null : filter.assignee().value());
        if (filter.children() != null) {
            if (filter.children().isEmpty()) {
                sql.append(" AND false");
            } else {
                sql.append(" AND c.child_id IN (").append(String.join(", ", Collections.nCopies(filter.children().size(), "?"))).append(")");
                params.addAll(filter.children());
            }
        }
        where(sql, params, "c.case_number = ?", filter.caseNumber());
        where(sql, params, "c.opened_at >= ?", startOf(filter.openedFrom()));
        where(sql, params, "c.opened_at < ?", startOf(filter.openedTo() == null ? null : filter.openedTo().plusDays(1)));
        where(sql, params, "c.last_entry_at >= ?", startOf(filter.activeFrom()));
        where(sql, params, "c.last_entry_at < ?", startOf(filter.activeTo() == null ? null : filter.activeTo().plusDays(1)));
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " AND " : " AND NOT ").append(OVERDUE);
            params.add(Date.valueOf(filter.today()));
        }
        if (filter.protectedIdentity() != null) {
            sql.append(filter.protectedIdentity() ? " AND " : " AND NOT ").append(VisibleCases.PROTECTED);
        }
        if (cursor != null) {
            Cursor after = Cursor.parse(cursor, order);
            if (order == Order.LAST_ACTIVITY) {
                sql.append(" AND (c.last_entry_at, c.case_id) < (?, ?)");
                params.add(Timestamp.from(Instant.parse(after.key())));
            } else {
                sql.append(" AND (c.case_number, c.case_id) > (?, ?)");
                params.add(after.key());
            }
            params.add(after.caseId());
        }
        sql.append(order == Order.LAST_ACTIVITY ? " ORDER BY c.last_entry_at DESC, c.case_id DESC" : " ORDER BY c.case_number, c.case_id");
        sql.append(" LIMIT ?");
        params.add(limit + 1);
        List<Listed> rows = jdbc.sql(sql.toString()).params(params).query((rs, row) -> listed(rs)).list();
        if (rows.size() <= limit) {
            return new Page(rows, Optional.empty());
        }
        List<Listed> page = rows.subList(0, limit);
        Listed last = page.get(limit - 1);
        String key = order == Order.LAST_ACTIVITY ? last.lastActivityAt().toString() : last.access().caseNumber();
        return new Page(List.copyOf(page), Optional.of(new Cursor(order, key, last.access().caseId().value()).toString()));
    }

    /**
     * The units that have cases, for an auditor to choose among. It skips from one unit to the next on the index that
     * leads with the unit, so it reads one row per unit and not every case.
     */
    public List<UnitId> units() {
        return jdbc.sql("WITH RECURSIVE units(unit) AS (SELECT min(unit) FROM case_access UNION ALL "
                        + "SELECT (SELECT min(c.unit) FROM case_access c WHERE c.unit > units.unit) FROM units WHERE units.unit IS NOT NULL) "
                        + "SELECT unit FROM units WHERE unit IS NOT NULL")
                .query((rs, row) -> UnitId.of(rs.getString("unit"))).list();
    }

    private static void where(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static Timestamp startOf(LocalDate day) {
        return day == null ? null : Timestamp.from(day.atStartOfDay(LedgerTime.ZONE).toInstant());
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        String assignee = rs.getString("assignee");
        CaseAccess access = new CaseAccess(CaseId.of(rs.getString("case_id")), rs.getString("case_number"), UnitId.of(rs.getString("unit")),
                assignee == null ? null : StaffId.of(assignee), rs.getBoolean("protected_identity"));
        Timestamp opened = rs.getTimestamp("opened_at");
        Timestamp active = rs.getTimestamp("last_entry_at");
        return new Listed(access, rs.getString("status"), rs.getObject("child_id", UUID.class),
                opened == null ? null : opened.toInstant(), active == null ? null : active.toInstant());
    }

    /**
     * Where the next page starts: the order, and the last case of the page before by its key in that order and its id.
     * Opaque to clients (Base64url); a cursor of another order, or not one the ledger gave out, is refused.
     */
    private record Cursor(Order order, String key, UUID caseId) {

        static Cursor parse(String text, Order expected) {
            Cursor cursor;
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", 3);
                cursor = new Cursor(Order.valueOf(parts[0]), parts[1], UUID.fromString(parts[2]));
                if (cursor.order() == Order.LAST_ACTIVITY) {
                    Instant.parse(cursor.key());
                }
            } catch (RuntimeException e) {
                throw notGivenOut();
            }
            if (cursor.order() != expected) {
                throw notGivenOut();
            }
            return cursor;
        }

        private static InvalidValueException notGivenOut() {
            return new InvalidValueException("cursor", ValueProblem.CURSOR, "cursor is not one the ledger gave out for this order of the list");
        }

        @Override
        public String toString() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((order + "\n" + key + "\n" + caseId).getBytes(StandardCharsets.UTF_8));
        }
    }
}
