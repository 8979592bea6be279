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

    public RegisterPerson {
        Require.present(personId, "personId");
        Require.optionalText(reserveNumber, "reserveNumber", 40);
        Require.text(name, "name", 300);
        Require.present(envelope, "envelope");
        if ((identityNumber == null) == (reserveNumber == null || reserveNumber.isBlank())) {
            throw new InvalidValueException("identityNumber", ValueProblem.EXACTLY_ONE,
                    "a person has exactly one of identityNumber and reserveNumber", "reserveNumber");
        }
    }
}
