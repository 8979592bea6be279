package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
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

/**
 * A decision was made: who decided in which role under which delegation rule, on which legal basis, and whether it can
 * be appealed. An extension carries the deadline it sets: {@code investigationDeadline} for an investigation (also set
 * by the opening), {@code assessmentDeadline} for a preliminary assessment; its rationale is the special reason the law
 * asks to be recorded. Events stored before extensions of the preliminary assessment existed read with none.
 */
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
        LocalDate assessmentDeadline,
        Envelope envelope) implements CaseEvent {

    @JsonCreator
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

    /** A decision that sets no deadline of a preliminary assessment. */
    public DecisionMade(CaseId caseId, DecisionId decisionId, DecisionKind kind, LegalBasisId legalBasis,
                        DelegationRuleId delegationRule, StaffId decidedBy, Role decidedInRole, LocalDate decisionDate,
                        String rationale, boolean appealable, boolean appealInformationGiven, InterventionId interventionId,
                        InterventionType interventionType, LocalDate investigationDeadline, Envelope envelope) {
        this(caseId, decisionId, kind, legalBasis, delegationRule, decidedBy, decidedInRole, decisionDate, rationale, appealable,
                appealInformationGiven, interventionId, interventionType, investigationDeadline, null, envelope);
    }
}
