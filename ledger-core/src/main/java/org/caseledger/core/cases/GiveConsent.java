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

    public GiveConsent {
        Require.present(caseId, "caseId");
        Require.present(consentId, "consentId");
        Require.present(person, "person");
        Require.present(partner, "partner");
        Require.text(partnerName, "partnerName", 300);
        Require.text(purpose, "purpose", 2000);
        Require.present(validFrom, "validFrom");
        Require.present(envelope, "envelope");
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new InvalidValueException("validUntil", ValueProblem.NOT_BEFORE,
                    "validUntil " + validUntil + " lies before validFrom " + validFrom, "validFrom");
        }
    }
}
