package org.caseledger.core.cases;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record a decision (beslut). Decisions about an intervention name it; a grant or denial of a new one also names its type; an extension names the new deadline (of the investigation or of the preliminary assessment). */
public record MakeDecision(
        @TargetAggregateIdentifier CaseId caseId,
        DecisionId decisionId,
        DecisionKind kind,
        LegalBasisId legalBasis,
        String rationale,
        boolean appealInformationGiven,
        InterventionId interventionId,
        InterventionType interventionType,
        LocalDate investigationExtendedUntil,
        LocalDate assessmentExtendedUntil,
        Envelope envelope) implements CaseCommand {

    /** The most characters {@code rationale} may have; the API's OpenAPI document states this limit. */
    public static final int RATIONALE_LIMIT = 10_000;

    public MakeDecision {
        Require.present(caseId, "caseId");
        Require.present(decisionId, "decisionId");
        Require.present(kind, "kind");
        Require.present(legalBasis, "legalBasis");
        Require.text(rationale, "rationale", RATIONALE_LIMIT);
        Require.present(envelope, "envelope");
        if (kind.concernsIntervention()) {
            Require.present(interventionId, "interventionId");
        }
        if (kind == DecisionKind.EXTEND_INVESTIGATION) {
            Require.present(investigationExtendedUntil, "investigationExtendedUntil");
        }
        if (kind == DecisionKind.EXTEND_PRELIMINARY_ASSESSMENT) {
            Require.present(assessmentExtendedUntil, "assessmentExtendedUntil");
        }
    }

    /** A decision that extends no preliminary assessment. */
    public MakeDecision(CaseId caseId, DecisionId decisionId, DecisionKind kind, LegalBasisId legalBasis, String rationale,
                        boolean appealInformationGiven, InterventionId interventionId, InterventionType interventionType,
                        LocalDate investigationExtendedUntil, Envelope envelope) {
        this(caseId, decisionId, kind, legalBasis, rationale, appealInformationGiven, interventionId, interventionType,
                investigationExtendedUntil, null, envelope);
    }
}
