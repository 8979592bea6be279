package org.caseledger.core.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;

/** Correct the person's name (a misspelling, a change of name); the registration keeps the name it had, readable. */
public record CorrectName(
        @TargetAggregateIdentifier PersonId personId,
        String name,
        String reason,
        Envelope envelope) implements PersonCommand {

    /** The most characters {@code reason} may have; the API's OpenAPI document states this limit. */
    public static final int REASON_LIMIT = 2000;

    public CorrectName {
        Require.present(personId, "personId");
        Require.text(name, "name", RegisterPerson.NAME_LIMIT);
        Require.text(reason, "reason", REASON_LIMIT);
        Require.present(envelope, "envelope");
    }
}
