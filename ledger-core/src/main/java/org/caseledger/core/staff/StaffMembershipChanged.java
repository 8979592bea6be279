package org.caseledger.core.staff;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/** From {@code from} on, the member of staff works in {@code unit} as {@code role}; the membership before ends the day before. */
@Revision("1")
public record StaffMembershipChanged(StaffId staffId, UnitId unit, Role role, LocalDate from, Envelope envelope) implements StaffEvent {

    public StaffMembershipChanged {
        Require.present(staffId, "staffId");
        Require.present(unit, "unit");
        Require.present(role, "role");
        Require.present(from, "from");
        Require.present(envelope, "envelope");
    }
}
