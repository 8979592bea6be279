package org.caseledger.core.cases;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.ValueProblem;

/** Record a person's consent to share information with a named partner for a purpose. */
public record GiveConsent(
        @TargetAggregateIdentifier CaseId caseId,
        ConsentId consentId,
        PersonId person,
        PartnerType partner,
        String partnerName,
        String purpose,
        LocalDate validFrom,
        LocalDate validUntil,
        Envelope envelope) implements CaseCommand {

    /** The most characters {@code partnerName} may have; the API's OpenAPI document states this limit. */
    public static final int PARTNER_NAME_LIMIT = 300;

    /** The most characters {@code purpose} may have; the API's OpenAPI document states this limit. */
    public static final int PURPOSE_LIMIT = 2000;

    public GiveConsent {
        Require.present(caseId, "caseId");
        Require.present(consentId, "consentId");
        Require.present(person, "person");
        Require.present(partner, "partner");
        Require.text(partnerName, "partnerName", PARTNER_NAME_LIMIT);
        Require.text(purpose, "purpose", PURPOSE_LIMIT);
        Require.present(validFrom, "validFrom");
        Require.present(envelope, "envelope");
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new InvalidValueException("validUntil", ValueProblem.NOT_BEFORE,
                    "validUntil " + validUntil + " lies before validFrom " + validFrom, "validFrom");
        }
    }
}
