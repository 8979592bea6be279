package org.caseledger.api.privacy;

import java.util.UUID;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;

/** Personal data cannot be written for a person whose keys have been destroyed: their case file is erased. */
class PersonalDataErasedException extends LedgerRuleViolation {

    PersonalDataErasedException(UUID keyId) {
        super(LedgerRule.PERSON_ERASED, "the case file or person " + keyId + " has been erased; nothing more can be recorded in it");
    }
}
