package org.caseledger.core.cases;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/**
 * A contact took place; the summary is personal data.
 *
 * <p>Revision 2 added {@code initiatedBy} and renamed {@code partner} to {@code partnerType} (it is a kind of partner,
 * not a named one). Events stored in revision 1 are read through an upcaster that sets {@code initiatedBy} to
 * {@link ContactInitiator#NOT_RECORDED} (docs/schema-evolution.md).
 */
@Revision("2")
public record ContactRecorded(
        CaseId caseId,
        ContactId contactId,
        ContactChannel channel,
        ContactInitiator initiatedBy,
        PartnerType partnerType,
        @PersonalData String summary,
        Envelope envelope) implements CaseEvent {

    public ContactRecorded {
        Require.present(caseId, "caseId");
        Require.present(contactId, "contactId");
        Require.present(channel, "channel");
        Require.present(initiatedBy, "initiatedBy");
        Require.present(envelope, "envelope");
    }
}
