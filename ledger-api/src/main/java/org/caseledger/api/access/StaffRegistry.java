package org.caseledger.api.access;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the staff registry says, as the access index keeps it: who is entered, and where and as what they work on a day. */
@Repository
public class StaffRegistry {

    /** One period of a membership; {@code lastDay} {@code null} while in force. */
    public record Membership(UnitId unit, Role role, LocalDate firstDay, LocalDate lastDay) {
    }

    /** A member of staff with every period of their membership, oldest first. */
    public record Member(StaffId staffId, String name, List<Membership> memberships) {
    }

    private final JdbcClient jdbc;

    StaffRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isRegistered(StaffId staff) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_member WHERE staff_id = ?)").param(staff.value()).query(Boolean.class).single();
    }

    /** The membership in force on the day, if any. */
    public Optional<Membership> membershipOn(StaffId staff, LocalDate day) {
        return jdbc.sql("""
                SELECT unit, role, valid_from, valid_to FROM staff_membership
                WHERE staff_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                """)
                .params(staff.value(), Date.valueOf(day), Date.valueOf(day))
                .query((rs, row) -> membership(rs.getString(1), rs.getString(2), rs.getDate(3), rs.getDate(4))).optional();
    }

    public Optional<Member> find(StaffId staff) {
        return members("WHERE m.staff_id = ?", staff.value()).stream().findFirst();
    }

    /** Every member whose membership is or was in the unit, or every member when {@code unit} is {@code null}. */
    public List<Member> members(UnitId unit) {
        return unit == null ? members("", new Object[0])
                : members("WHERE m.staff_id IN (SELECT staff_id FROM staff_membership WHERE unit = ?)", unit.value());
    }

    private List<Member> members(String where, Object... params) {
        List<Object[]> rows = jdbc.sql("""
                SELECT m.staff_id, m.name, p.unit, p.role, p.valid_from, p.valid_to
                FROM staff_member m JOIN staff_membership p ON p.staff_id = m.staff_id
                """ + where + " ORDER BY m.staff_id, p.valid_from")
                .params(params)
                .query((rs, row) -> new Object[] {rs.getString(1), rs.getString(2),
                        membership(rs.getString(3), rs.getString(4), rs.getDate(5), rs.getDate(6))})
                .list();
        List<Member> members = new ArrayList<>();
        for (Object[] row : rows) {
            StaffId id = StaffId.of((String) row[0]);
            if (members.isEmpty() || !members.get(members.size() - 1).staffId().equals(id)) {
                members.add(new Member(id, (String) row[1], new ArrayList<>()));
            }
            members.get(members.size() - 1).memberships().add((Membership) row[2]);
        }
        return members;
    }

    private static Membership membership(String unit, String role, Date from, Date to) {
        return new Membership(UnitId.of(unit), Role.valueOf(role), from.toLocalDate(), to == null ? null : to.toLocalDate());
    }
}
