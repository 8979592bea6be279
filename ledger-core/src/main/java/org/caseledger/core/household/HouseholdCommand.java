package org.caseledger.core.household;

import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.core.shared.PersonId;

/** A command about one member of one household. */
public interface HouseholdCommand extends LedgerCommand {

    HouseholdId householdId();

    /** The member the command is about; the command bus checks that the person is registered and not erased. */
    PersonId person();
}
