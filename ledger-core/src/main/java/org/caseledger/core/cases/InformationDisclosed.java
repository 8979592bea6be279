package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/** Information was disclosed to a partner; the content is personal data. */
@Revision("1")
public record InformationDisclosed(
        CaseId caseId,
        DisclosureId disclosureId,
        PartnerType partner,
        String partnerName,
        ConsentId consent,
        LegalBasisId provision,
        @PersonalData String content,
        Envelope envelope) implements CaseEvent {

    public InformationDisclosed {
        Require.present(caseId, "caseId");
        Require.present(disclosureId, "disclosureId");
        Require.present(partner, "partner");
        Require.present(envelope, "envelope");
    }
}
