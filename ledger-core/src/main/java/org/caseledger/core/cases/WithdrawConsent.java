package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record that a person withdrew a consent. */
public record WithdrawConsent(
        @TargetAggregateIdentifier CaseId caseId,
        ConsentId consentId,
        Envelope envelope) implements CaseCommand {

    public WithdrawConsent {
        Require.present(caseId, "caseId");
        Require.present(consentId, "consentId");
        Require.present(envelope, "envelope");
    }
}
