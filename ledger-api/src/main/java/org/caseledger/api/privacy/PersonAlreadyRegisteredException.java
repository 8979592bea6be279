package org.caseledger.api.privacy;

import java.util.Map;
import org.caseledger.api.problems.ProblemProperties;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.PersonId;

/**
 * A registration of an identity number that belongs to a person already: refused under
 * {@link LedgerRule#PERSON_ALREADY_REGISTERED}, naming the person registered, whom the caller then refers to instead.
 */
public class PersonAlreadyRegisteredException extends LedgerRuleViolation implements ProblemProperties {

    private final transient PersonId registered;

    public PersonAlreadyRegisteredException(PersonId registered) {
        super(LedgerRule.PERSON_ALREADY_REGISTERED, "the identity number is registered to person " + registered, registered);
        this.registered = registered;
    }

    public PersonId registered() {
        return registered;
    }

    @Override
    public Map<String, Object> problemProperties() {
        return Map.of("registeredPerson", registered.toString());
    }
}
