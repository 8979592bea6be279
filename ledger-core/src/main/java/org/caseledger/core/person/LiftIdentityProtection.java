package org.caseledger.core.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** Record that the person's identity is no longer protected, from the envelope's {@code occurredAt}. */
public record LiftIdentityProtection(
        @TargetAggregateIdentifier PersonId personId,
        Envelope envelope) implements PersonCommand {

    public LiftIdentityProtection {
        Require.present(personId, "personId");
        Require.present(envelope, "envelope");
    }
}
