package org.caseledger.core.person;

import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.core.shared.PersonId;

/** A command addressed to one person. */
public interface PersonCommand extends LedgerCommand {

    PersonId personId();
}
