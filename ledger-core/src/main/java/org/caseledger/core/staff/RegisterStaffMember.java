package org.caseledger.core.staff;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/** Enter a member of staff in the registry: who, in which unit and role, from which day. */
public record RegisterStaffMember(
        @TargetAggregateIdentifier StaffId staffId,
        String name,
        UnitId unit,
        Role role,
        LocalDate activeFrom,
        Envelope envelope) implements StaffCommand {

    /** The most characters {@code name} may have; the API's OpenAPI document states this limit. */
    public static final int NAME_LIMIT = 200;

    public RegisterStaffMember {
        Require.present(staffId, "staffId");
        Require.text(name, "name", NAME_LIMIT);
        Require.present(unit, "unit");
        Require.present(role, "role");
        StaffRoles.requireStaffRole(role);
        Require.present(activeFrom, "activeFrom");
        Require.present(envelope, "envelope");
    }
}
