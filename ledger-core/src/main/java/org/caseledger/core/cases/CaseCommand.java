package org.caseledger.core.cases;

import org.caseledger.core.shared.LedgerCommand;

/** A command addressed to one case. */
public interface CaseCommand extends LedgerCommand {

    CaseId caseId();
}
