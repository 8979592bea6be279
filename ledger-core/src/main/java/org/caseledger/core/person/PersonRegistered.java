package org.caseledger.core.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Require;

/**
 * A person was registered; identity number, reserve number and name are personal data. The day of the month of
 * birth is kept beside them in the clear: retention keeps the files of children born on certain days for research,
 * and the read models that decide it are folded without opening any personal data. A day from 1 to 31 names no one.
 * A registration recorded before the day was kept has none, and retention then leaves the child to a person.
 */
@Revision("1")
public record PersonRegistered(
        PersonId personId,
        @PersonalData PersonalIdentityNumber identityNumber,
        Integer birthDayOfMonth,
        @PersonalData String reserveNumber,
        @PersonalData String name,
        boolean protectedIdentity,
        HouseholdId household,
        Envelope envelope) implements PersonEvent {

    @JsonCreator
    public PersonRegistered {
        Require.present(personId, "personId");
        Require.present(envelope, "envelope");
        if (identityNumber != null) {
            int day = identityNumber.birthDate().getDayOfMonth();
            if (birthDayOfMonth != null && birthDayOfMonth != day) {
                // never a client's input: the registration derives the day itself, so a mismatch is stored data gone wrong
                throw new IllegalArgumentException("birthDayOfMonth must be the identity number's day of birth");
            }
            birthDayOfMonth = day;
        } else if (birthDayOfMonth != null) {
            Require.between(birthDayOfMonth, 1, 31, "birthDayOfMonth");
        }
    }

    /** A registration whose day of birth is the identity number's, if it has one. */
    public PersonRegistered(PersonId personId, PersonalIdentityNumber identityNumber, String reserveNumber, String name,
                            boolean protectedIdentity, HouseholdId household, Envelope envelope) {
        this(personId, identityNumber, null, reserveNumber, name, protectedIdentity, household, envelope);
    }
}
