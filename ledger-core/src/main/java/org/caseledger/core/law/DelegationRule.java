package org.caseledger.core.law;

import java.util.Set;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.ValueProblem;

/** One line of the delegation order: which roles may make which kind of decision, and when the line applies. */
public record DelegationRule(DelegationRuleId id, DecisionKind decisionKind, Set<Role> roles, Validity validity) {

    public DelegationRule {
        Require.present(id, "id");
        Require.present(decisionKind, "decisionKind");
        Require.present(roles, "roles");
        if (roles.isEmpty()) {
            throw new InvalidValueException("roles", ValueProblem.AT_LEAST_ONE, "a delegation rule must name at least one role");
        }
        roles = Set.copyOf(roles);
        Require.present(validity, "validity");
    }
}
