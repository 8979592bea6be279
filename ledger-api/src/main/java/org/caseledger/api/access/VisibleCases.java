package org.caseledger.api.access;

import java.util.List;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.shared.Role;

/**
 * {@link AccessPolicy#mayList} written as SQL, for lists that page in the database (the case list, the change feed):
 * a condition on {@code case_access} under the alias {@code c}. Auditors see every case, the administrator none, the unit
 * head their unit's, everyone else their unit's except a protected case not assigned to them. {@code CaseListIT} holds
 * the two forms to the same answer for every member of staff.
 */
public final class VisibleCases {

    /**
     * Whether the case's child, or anyone who is or was a member of its household (by the household's events, a
     * registration into it, or as the child of another of its cases), has a protected identity, as
     * {@link CaseAccessRepository} reads it (ADR 0020).
     */
    static final String PROTECTED = """
            (EXISTS (SELECT 1 FROM person_access p WHERE p.person_id = c.child_id AND p.protected_identity)
             OR EXISTS (SELECT 1 FROM household_member m JOIN person_access p ON p.person_id = m.person_id
                        WHERE m.household_id = c.household_id AND p.protected_identity))""";

    private VisibleCases() {
    }

    /** The condition for this member of staff, its parameters added to {@code params}. */
    public static String condition(StaffUser staff, List<Object> params) {
        if (staff.role() == Role.AUDITOR) {
            return "TRUE";
        }
        if (staff.role() == Role.ADMINISTRATOR) {
            return "FALSE";
        }
        params.add(staff.unit().value());
        if (staff.role() == Role.UNIT_HEAD) {
            return "c.unit = ?";
        }
        params.add(staff.staffId().value());
        return "c.unit = ? AND (c.assignee IS NOT DISTINCT FROM ? OR NOT " + PROTECTED + ")";
    }
}
