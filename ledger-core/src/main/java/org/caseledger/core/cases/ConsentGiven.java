package org.caseledger.core.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** A person consented to sharing with a partner for a purpose, for the days given (both included). */
@Revision("1")
public record ConsentGiven(
        CaseId caseId,
        ConsentId consentId,
        PersonId person,
        PartnerType partner,
        String partnerName,
        @PersonalData String purpose,
        LocalDate validFrom,
        LocalDate validUntil,
        Envelope envelope) implements CaseEvent {

    public ConsentGiven {
        Require.present(caseId, "caseId");
        Require.present(consentId, "consentId");
        Require.present(person, "person");
        Require.present(partner, "partner");
        Require.present(validFrom, "validFrom");
        Require.present(envelope, "envelope");
    }
}
