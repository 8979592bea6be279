package org.caseledger.core.law;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.ValueProblem;

/** Identifies one rule of the delegation order (delegationsordning). */
public record DelegationRuleId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9:._-]{1,63}$");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DelegationRuleId {
        Require.matching(value, FORMAT, "delegationRuleId", ValueProblem.DELEGATION_RULE_ID_FORMAT, "2–64 letters, digits or the characters : . _ -");
    }

    public static DelegationRuleId of(String value) {
        return new DelegationRuleId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
