package org.caseledger.core.staff;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/** From a day on, the member of staff works in another unit or role (or both). */
public record ChangeStaffMembership(
        @TargetAggregateIdentifier StaffId staffId,
        UnitId unit,
        Role role,
        LocalDate from,
        Envelope envelope) implements StaffCommand {

    public ChangeStaffMembership {
        Require.present(staffId, "staffId");
        Require.present(unit, "unit");
        Require.present(role, "role");
        StaffRoles.requireStaffRole(role);
        Require.present(from, "from");
        Require.present(envelope, "envelope");
    }
}
