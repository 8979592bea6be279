package org.caseledger.core.staff;

import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.core.shared.StaffId;

/** A fact about one member of staff's entry in the registry. */
public interface StaffEvent extends LedgerEvent {
    StaffId staffId();
}
