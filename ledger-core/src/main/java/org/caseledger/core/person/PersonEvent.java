package org.caseledger.core.person;

import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.core.shared.PersonId;

/** A fact about one person. */
public interface PersonEvent extends LedgerEvent {

    PersonId personId();
}
