package org.caseledger.core.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** Erase a person whose retention period has ended (gallring). */
public record ErasePerson(
        @TargetAggregateIdentifier PersonId personId,
        String reason,
        Envelope envelope) implements PersonCommand {

    public ErasePerson {
        Require.present(personId, "personId");
        Require.text(reason, "reason", 2000);
        Require.present(envelope, "envelope");
    }
}
