package org.caseledger.core.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/**
 * Correct the person's identity number, or give a person known by a reserve number their personal or coordination
 * number; the registration keeps what it had, readable.
 */
public record CorrectIdentityNumber(
        @TargetAggregateIdentifier PersonId personId,
        PersonalIdentityNumber identityNumber,
        String reason,
        Envelope envelope) implements PersonCommand {

    public CorrectIdentityNumber {
        Require.present(personId, "personId");
        Require.present(identityNumber, "identityNumber");
        Require.text(reason, "reason", CorrectName.REASON_LIMIT);
        Require.present(envelope, "envelope");
        identityNumber.requireBornBy(envelope.occurredAt());
    }
}
