package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.ValueProblem;

/** Record a disclosure of information to a partner, resting on a consent or on a legal provision. */
public record DiscloseInformation(
        @TargetAggregateIdentifier CaseId caseId,
        DisclosureId disclosureId,
        PartnerType partner,
        String partnerName,
        ConsentId consent,
        LegalBasisId provision,
        String content,
        Envelope envelope) implements CaseCommand {

    public DiscloseInformation {
        Require.present(caseId, "caseId");
        Require.present(disclosureId, "disclosureId");
        Require.present(partner, "partner");
        Require.text(partnerName, "partnerName", 300);
        Require.text(content, "content", 20000);
        Require.present(envelope, "envelope");
        if ((consent == null) == (provision == null)) {
            throw new InvalidValueException("consent", ValueProblem.EXACTLY_ONE,
                    "a disclosure rests on exactly one basis: either consent or provision", "provision");
        }
    }
}
