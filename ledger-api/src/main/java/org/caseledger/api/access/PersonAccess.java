package org.caseledger.api.access;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/**
 * What deciding access to a person needs to know: the case files the person is in (as the child, or as a member
 * of the child's household), and who registered them, which decides alone while the person is in no case file.
 *
 * @param protectedIdentity the person has a protected identity, or is in a case file that concerns one
 * @param registeredUnit    the unit of the member of staff who registered the person
 * @param registeredBy      that member of staff
 * @param cases             the case files the person is in
 */
public record PersonAccess(PersonId personId, HouseholdId household, boolean protectedIdentity, UnitId registeredUnit,
                           StaffId registeredBy, boolean erased, List<CaseAccess> cases) {

    public PersonAccess {
        cases = List.copyOf(cases);
        protectedIdentity = protectedIdentity || cases.stream().anyMatch(CaseAccess::protectedIdentity);
    }

    /** The units holding the person: those of their case files, or the registering unit while they are in none. */
    public Set<UnitId> units() {
        Set<UnitId> units = new TreeSet<>(Comparator.comparing(UnitId::value));
        if (cases.isEmpty()) {
            if (registeredUnit != null) {
                units.add(registeredUnit);
            }
        } else {
            cases.forEach(file -> units.add(file.unit()));
        }
        return units;
    }

    /** The unit the access log names for this reader: their own when it holds the person, else another that does. */
    String unitSeenBy(StaffUser staff) {
        Set<UnitId> units = units();
        if (units.contains(staff.unit())) {
            return staff.unit().value();
        }
        return units.stream().findFirst().map(UnitId::value).orElse(null);
    }

    /** Whether the reader is the assigned case worker of one of the person's case files. */
    boolean isAssignedTo(StaffUser staff) {
        return cases.stream().anyMatch(file -> staff.staffId().equals(file.assignee()));
    }
}
