package org.caseledger.core.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.DelegationRuleId;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;

/** A decision was made: who decided in which role under which delegation rule, on which legal basis, and whether it can be appealed. */
@Revision("1")
public record DecisionMade(
        CaseId caseId,
        DecisionId decisionId,
        DecisionKind kind,
        LegalBasisId legalBasis,
        DelegationRuleId delegationRule,
        StaffId decidedBy,
        Role decidedInRole,
        LocalDate decisionDate,
        @PersonalData String rationale,
        boolean appealable,
        boolean appealInformationGiven,
        InterventionId interventionId,
        InterventionType interventionType,
        LocalDate investigationDeadline,
        Envelope envelope) implements CaseEvent {

    public DecisionMade {
        Require.present(caseId, "caseId");
        Require.present(decisionId, "decisionId");
        Require.present(kind, "kind");
        Require.present(legalBasis, "legalBasis");
        Require.present(delegationRule, "delegationRule");
        Require.present(decidedBy, "decidedBy");
        Require.present(decidedInRole, "decidedInRole");
        Require.present(decisionDate, "decisionDate");
        Require.present(envelope, "envelope");
    }
}
