package org.caseledger.core.household;

import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.core.shared.PersonId;

/**
 * A fact of a household's membership. It names the member by id and the relation by code only, so it holds no
 * personal data: the member's name is in their own stream, and their erasure reaches it there.
 */
public interface HouseholdEvent extends LedgerEvent {

    HouseholdId householdId();

    PersonId person();
}
