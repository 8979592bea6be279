package org.caseledger.api.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code person_access} and the case files a person is in, from {@code case_access}. */
@Repository
public class PersonAccessRepository {

    private record Row(PersonId personId, HouseholdId household, boolean protectedIdentity, UnitId registeredUnit,
                       StaffId registeredBy, boolean erased) {
    }

    private final JdbcClient jdbc;
    private final CaseAccessRepository cases;

    PersonAccessRepository(JdbcClient jdbc, CaseAccessRepository cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    public Optional<PersonAccess> find(PersonId person) {
        return jdbc.sql("""
                        SELECT person_id, household_id, protected_identity, registered_unit, registered_by, erased
                        FROM person_access WHERE person_id = ?
                        """)
                .param(person.value())
                .query((rs, row) -> new Row(PersonId.of(rs.getString("person_id")),
                        rs.getString("household_id") == null ? null : HouseholdId.of(rs.getString("household_id")),
                        rs.getBoolean("protected_identity"),
                        rs.getString("registered_unit") == null ? null : UnitId.of(rs.getString("registered_unit")),
                        rs.getString("registered_by") == null ? null : StaffId.of(rs.getString("registered_by")),
                        rs.getBoolean("erased")))
                .optional()
                .map(row -> new PersonAccess(row.personId(), row.household(), row.protectedIdentity(), row.registeredUnit(),
                        row.registeredBy(), row.erased(), casesOf(row)));
    }

    /** The persons registered into the household, in no particular order. */
    public List<PersonId> householdMembers(HouseholdId household) {
        return jdbc.sql("SELECT person_id FROM person_access WHERE household_id = ?").param(household.value())
                .query(UUID.class).list().stream().map(PersonId::new).toList();
    }

    private List<CaseAccess> casesOf(Row person) {
        List<UUID> ids = jdbc.sql("""
                        SELECT case_id FROM case_access WHERE child_id = ?
                            OR household_id IN (SELECT household_id FROM household_member WHERE person_id = ? AND in_files)
                        ORDER BY case_number""")
                .params(person.personId().value(), person.personId().value())
                .query(UUID.class).list();
        return cases.findAll(ids);
    }
}
