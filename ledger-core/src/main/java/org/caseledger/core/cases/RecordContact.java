package org.caseledger.core.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.ValueProblem;

/** Record a contact and who took the initiative to it; a collaboration meeting names the partner type. */
public record RecordContact(
        @TargetAggregateIdentifier CaseId caseId,
        ContactId contactId,
        ContactChannel channel,
        ContactInitiator initiatedBy,
        PartnerType partnerType,
        String summary,
        Envelope envelope) implements CaseCommand {

    /** The most characters {@code summary} may have; the API's OpenAPI document states this limit. */
    public static final int SUMMARY_LIMIT = 10_000;

    public RecordContact {
        Require.present(caseId, "caseId");
        Require.present(contactId, "contactId");
        Require.present(channel, "channel");
        Require.present(initiatedBy, "initiatedBy");
        if (initiatedBy == ContactInitiator.NOT_RECORDED) {
            throw new InvalidValueException("initiatedBy", ValueProblem.ONE_OF,
                    "initiatedBy must say who took the initiative: FAMILY, OFFICE or PARTNER", "FAMILY, OFFICE, PARTNER");
        }
        Require.optionalText(summary, "summary", SUMMARY_LIMIT);
        Require.present(envelope, "envelope");
        if (channel == ContactChannel.COLLABORATION_MEETING) {
            Require.present(partnerType, "partnerType");
        }
    }
}
