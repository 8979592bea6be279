package org.caseledger.core.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/**
 * Record that the person's identity is protected (skyddade personuppgifter) from the envelope's {@code occurredAt}: the
 * Tax Agency's decision, or the office's own finding that the person must be kept hidden.
 */
public record ProtectIdentity(
        @TargetAggregateIdentifier PersonId personId,
        Envelope envelope) implements PersonCommand {

    public ProtectIdentity {
        Require.present(personId, "personId");
        Require.present(envelope, "envelope");
    }
}
