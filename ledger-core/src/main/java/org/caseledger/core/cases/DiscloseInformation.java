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

    /** The most characters {@code partnerName} may have; the API's OpenAPI document states this limit. */
    public static final int PARTNER_NAME_LIMIT = 300;

    /** The most characters {@code content} may have; the API's OpenAPI document states this limit. */
    public static final int CONTENT_LIMIT = 20_000;

    public DiscloseInformation {
        Require.present(caseId, "caseId");
        Require.present(disclosureId, "disclosureId");
        Require.present(partner, "partner");
        Require.text(partnerName, "partnerName", PARTNER_NAME_LIMIT);
        Require.text(content, "content", CONTENT_LIMIT);
        Require.present(envelope, "envelope");
        if ((consent == null) == (provision == null)) {
            throw new InvalidValueException("consent", ValueProblem.EXACTLY_ONE,
                    "a disclosure rests on exactly one basis: either consent or provision", "provision");
        }
    }
}
