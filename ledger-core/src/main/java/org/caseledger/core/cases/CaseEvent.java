package org.caseledger.core.cases;

import org.caseledger.core.shared.LedgerEvent;

/** A fact about one case; its stream is the case's history. */
public interface CaseEvent extends LedgerEvent {

    CaseId caseId();
}
