package org.caseledger.core.outreach;

import org.caseledger.core.shared.LedgerCommand;

/** A command that records one activity outside formal cases. */
public interface OutreachCommand extends LedgerCommand {

    ActivityId activityId();
}
