package org.caseledger.core.staff;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.StaffId;

/** The member of staff may act for the office until {@code lastDay}, that day included, and not after. */
@Revision("1")
public record StaffMembershipEnded(StaffId staffId, LocalDate lastDay, Envelope envelope) implements StaffEvent {

    public StaffMembershipEnded {
        Require.present(staffId, "staffId");
        Require.present(lastDay, "lastDay");
        Require.present(envelope, "envelope");
    }
}
