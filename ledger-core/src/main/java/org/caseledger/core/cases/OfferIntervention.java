package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Offer an intervention to the family. */
public record OfferIntervention(
        @TargetAggregateIdentifier CaseId caseId,
        InterventionId interventionId,
        InterventionType type,
        boolean voluntary,
        Envelope envelope) implements CaseCommand {

    public OfferIntervention {
        Require.present(caseId, "caseId");
        Require.present(interventionId, "interventionId");
        Require.present(type, "type");
        Require.present(envelope, "envelope");
    }
}
