package org.caseledger.core.staff;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/**
 * A member of staff was entered in the registry. The name is an official's, which stands on every decision they sign,
 * and is kept in the clear like the staff id itself.
 */
@Revision("1")
public record StaffMemberRegistered(StaffId staffId, String name, UnitId unit, Role role, LocalDate activeFrom, Envelope envelope)
        implements StaffEvent {

    public StaffMemberRegistered {
        Require.present(staffId, "staffId");
        Require.present(unit, "unit");
        Require.present(role, "role");
        Require.present(activeFrom, "activeFrom");
        Require.present(envelope, "envelope");
    }
}
