package org.caseledger.api.access;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.outreach.ActivityId;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a household's case files, members and outreach from the access index. */
@Repository
public class HouseholdAccessRepository {

    private final JdbcClient jdbc;
    private final CaseAccessRepository cases;
    private final PersonAccessRepository persons;

    HouseholdAccessRepository(JdbcClient jdbc, CaseAccessRepository cases, PersonAccessRepository persons) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.persons = persons;
    }

    public HouseholdAccess find(HouseholdId household) {
        boolean formed = jdbc.sql("SELECT EXISTS (SELECT 1 FROM household_membership WHERE household_id = ?)")
                .param(household.value()).query(Boolean.class).single();
        record Row(UUID person, boolean inFiles, Set<CaseId> ownCases) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT m.person_id, m.in_files, array_remove(array_agg(c.case_id ORDER BY c.case_id), NULL) AS own_cases
                        FROM household_member m
                        LEFT JOIN case_access c ON c.household_id = m.household_id AND c.child_id = m.person_id
                        WHERE m.household_id = ? GROUP BY m.person_id, m.in_files ORDER BY m.person_id""")
                .param(household.value())
                .query((rs, row) -> new Row(rs.getObject(1, UUID.class), rs.getBoolean(2),
                        Arrays.stream((UUID[]) rs.getArray(3).getArray()).map(CaseId::new).collect(Collectors.toSet())))
                .list();
        List<HouseholdAccess.Member> members = rows.stream()
                .flatMap(row -> persons.find(new PersonId(row.person())).stream()
                        .map(person -> new HouseholdAccess.Member(person, row.inFiles(), row.ownCases())))
                .toList();
        List<HouseholdAccess.Activity> outreach = jdbc.sql("SELECT activity_id, unit FROM household_outreach WHERE household_id = ? "
                        + "ORDER BY activity_id")
                .param(household.value())
                .query((rs, row) -> new HouseholdAccess.Activity(new ActivityId(rs.getObject(1, UUID.class)), UnitId.of(rs.getString(2))))
                .list();
        return new HouseholdAccess(household, formed, cases.findByHousehold(household), members, outreach);
    }
}
