package org.caseledger.core.staff;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.ValueProblem;

/** The roles the office's own staff hold. An auditor is an outside inspector, never a member of the registry. */
public final class StaffRoles {

    public static final Set<Role> OF_STAFF = EnumSet.of(Role.SOCIAL_SECRETARY, Role.GROUP_LEADER, Role.UNIT_HEAD, Role.ADMINISTRATOR);

    /** The roles a case may be assigned to: those who work with cases. */
    public static final Set<Role> CASE_WORKING = EnumSet.of(Role.SOCIAL_SECRETARY, Role.GROUP_LEADER, Role.UNIT_HEAD);

    private StaffRoles() {
    }

    static void requireStaffRole(Role role) {
        if (!OF_STAFF.contains(role)) {
            throw new InvalidValueException("role", ValueProblem.ONE_OF, "a member of staff holds one of " + OF_STAFF,
                    OF_STAFF.stream().map(Role::name).collect(Collectors.joining(", ")));
        }
    }
}
