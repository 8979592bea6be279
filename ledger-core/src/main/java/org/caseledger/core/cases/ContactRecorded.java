package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.Require;

/** A contact took place; the summary is personal data. */
@Revision("1")
public record ContactRecorded(
        CaseId caseId,
        ContactId contactId,
        ContactChannel channel,
        PartnerType partner,
        String summary,
        Envelope envelope) implements CaseEvent {

    public ContactRecorded {
        Require.present(caseId, "caseId");
        Require.present(contactId, "contactId");
        Require.present(channel, "channel");
        Require.present(envelope, "envelope");
    }
}
