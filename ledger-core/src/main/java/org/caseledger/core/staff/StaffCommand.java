package org.caseledger.core.staff;

import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.core.shared.StaffId;

/** A command addressed to one member of staff's entry in the registry. */
public interface StaffCommand extends LedgerCommand {
    StaffId staffId();
}
