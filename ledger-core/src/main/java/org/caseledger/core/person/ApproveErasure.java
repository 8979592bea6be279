package org.caseledger.core.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/**
 * Agree, for the unit in the envelope, that a person whose case files several units hold may be erased by another
 * of those units. Names no one but the person's id, so it carries no personal data.
 */
public record ApproveErasure(
        @TargetAggregateIdentifier PersonId personId,
        Envelope envelope) implements PersonCommand {

    public ApproveErasure {
        Require.present(personId, "personId");
        Require.present(envelope, "envelope");
    }
}
