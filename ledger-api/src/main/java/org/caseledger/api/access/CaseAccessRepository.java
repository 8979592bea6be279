package org.caseledger.api.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code case_access}, with protection derived from the child's and the household's registrations. */
@Repository
public class CaseAccessRepository {

    private static final String SELECT = """
            SELECT c.case_id, c.case_number, c.unit, c.assignee, """ + VisibleCases.PROTECTED + """
             AS protected_identity
            FROM case_access c
            """;

    private final JdbcClient jdbc;

    CaseAccessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseAccess> find(CaseId caseId) {
        return jdbc.sql(SELECT + " WHERE c.case_id = ?").param(caseId.value()).query((rs, row) -> read(rs)).optional();
    }

    public List<CaseAccess> findAll(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE c.case_id = ANY(?)").param(caseIds.toArray(UUID[]::new)).query((rs, row) -> read(rs)).list();
    }

    /** The case files of a household. */
    public List<CaseAccess> findByHousehold(HouseholdId household) {
        return jdbc.sql(SELECT + " WHERE c.household_id = ?").param(household.value()).query((rs, row) -> read(rs)).list();
    }

    private static CaseAccess read(java.sql.ResultSet rs) throws java.sql.SQLException {
        String assignee = rs.getString("assignee");
        return new CaseAccess(CaseId.of(rs.getString("case_id")), rs.getString("case_number"), UnitId.of(rs.getString("unit")),
                assignee == null ? null : StaffId.of(assignee), rs.getBoolean("protected_identity"));
    }
}
