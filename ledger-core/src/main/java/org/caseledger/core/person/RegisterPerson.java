package org.caseledger.core.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.ValueProblem;

/** Register a person by personal identity number (or coordination number) or, lacking one, a reserve number. */
public record RegisterPerson(
        @TargetAggregateIdentifier PersonId personId,
        PersonalIdentityNumber identityNumber,
        String reserveNumber,
        String name,
        boolean protectedIdentity,
        HouseholdId household,
        Envelope envelope) implements PersonCommand {

    /** The most characters {@code reserveNumber} may have; the API's OpenAPI document states this limit. */
    public static final int RESERVE_NUMBER_LIMIT = 40;

    /** The most characters {@code name} may have; the API's OpenAPI document states this limit. */
    public static final int NAME_LIMIT = 300;

    public RegisterPerson {
        Require.present(personId, "personId");
        // a blank reserve number names no one: given, it is a text like any other the ledger keeps
        if (reserveNumber != null) {
            Require.text(reserveNumber, "reserveNumber", RESERVE_NUMBER_LIMIT);
        }
        Require.text(name, "name", NAME_LIMIT);
        Require.present(envelope, "envelope");
        if ((identityNumber == null) == (reserveNumber == null)) {
            throw new InvalidValueException("identityNumber", ValueProblem.EXACTLY_ONE,
                    "a person has exactly one of identityNumber and reserveNumber", "reserveNumber");
        }
        if (identityNumber != null) {
            identityNumber.requireBornBy(envelope.occurredAt());
        }
    }
}
