package org.caseledger.core.staff;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.StaffId;

/** The member of staff leaves: the last day they may act for the office. */
public record EndStaffMembership(
        @TargetAggregateIdentifier StaffId staffId,
        LocalDate lastDay,
        Envelope envelope) implements StaffCommand {

    public EndStaffMembership {
        Require.present(staffId, "staffId");
        Require.present(lastDay, "lastDay");
        Require.present(envelope, "envelope");
    }
}
