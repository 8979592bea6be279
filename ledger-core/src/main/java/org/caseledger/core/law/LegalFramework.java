package org.caseledger.core.law;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.Role;

/**
 * The configured catalogue of legal bases and the delegation order. Aggregates receive it as an injected
 * resource, so the law can change by configuration while every decision still cites what was in force
 * on its own day.
 */
public final class LegalFramework {

    private final List<LegalBasis> legalBases;
    private final List<DelegationRule> delegationRules;

    public LegalFramework(List<LegalBasis> legalBases, List<DelegationRule> delegationRules) {
        this.legalBases = List.copyOf(legalBases);
        this.delegationRules = List.copyOf(delegationRules);
    }

    public List<LegalBasis> legalBases() {
        return legalBases;
    }

    public List<DelegationRule> delegationRules() {
        return delegationRules;
    }

    public Optional<LegalBasis> find(LegalBasisId id) {
        return legalBases.stream().filter(basis -> basis.id().equals(id)).findFirst();
    }

    /** The cited basis exists, was in force on the decision day and applies to this kind of decision. */
    public LegalBasis requireBasisForDecision(LegalBasisId id, DecisionKind kind, LocalDate decisionDay) {
        LegalBasis basis = requireInForce(id, decisionDay);
        if (!basis.decisionKinds().contains(kind)) {
            throw new LedgerRuleViolation(LedgerRule.LEGAL_BASIS_NOT_APPLICABLE,
                    "legal basis " + basis.cited() + " does not apply to a decision of kind " + kind);
        }
        return basis;
    }

    /** The cited provision exists, was in force on the day of disclosure and permits disclosure. */
    public LegalBasis requireProvisionForDisclosure(LegalBasisId id, LocalDate disclosureDay) {
        LegalBasis basis = requireInForce(id, disclosureDay);
        if (!basis.permitsDisclosure()) {
            throw new LedgerRuleViolation(LedgerRule.LEGAL_BASIS_NOT_APPLICABLE,
                    "legal basis " + basis.cited() + " does not permit disclosure");
        }
        return basis;
    }

    /** The delegation order lets this role make this kind of decision on this day. */
    public DelegationRule requireDelegation(DecisionKind kind, Role role, LocalDate decisionDay) {
        return delegationRules.stream()
                .filter(rule -> rule.decisionKind() == kind && rule.roles().contains(role) && rule.validity().covers(decisionDay))
                .findFirst()
                .orElseThrow(() -> new LedgerRuleViolation(LedgerRule.DECISION_NOT_DELEGATED,
                        "the delegation order in force on " + decisionDay + " does not let the role " + role + " make a decision of kind " + kind));
    }

    private LegalBasis requireInForce(LegalBasisId id, LocalDate day) {
        LegalBasis basis = find(id).orElseThrow(() -> new LedgerRuleViolation(LedgerRule.LEGAL_BASIS_UNKNOWN,
                "legal basis " + id + " is not in the catalogue"));
        if (!basis.validity().covers(day)) {
            throw new LedgerRuleViolation(LedgerRule.LEGAL_BASIS_NOT_IN_FORCE,
                    "legal basis " + basis.cited() + " was not in force on " + day);
        }
        return basis;
    }
}
