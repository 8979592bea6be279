package org.caseledger.core.outreach;

import org.caseledger.core.shared.LedgerEvent;

/** A fact of the work outside formal cases; each activity is its own short stream. */
public interface OutreachEvent extends LedgerEvent {

    ActivityId activityId();
}
