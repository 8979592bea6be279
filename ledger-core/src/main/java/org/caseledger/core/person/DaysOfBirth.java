package org.caseledger.core.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.ValueProblem;

/**
 * The day a registered person was born, as the identity number they hold now names it. A reserve number names no day,
 * and an erased person's number can no longer be read: then nothing is known and nothing is refused for it.
 */
public interface DaysOfBirth {

    Optional<LocalDate> of(PersonId person);

    /** A fact about the person cannot have happened before the day they were born (in Swedish time). */
    default void requireBornBy(PersonId person, Instant occurredAt, String field) {
        of(person).ifPresent(born -> requireBornBy(born, occurredAt, field));
    }

    static void requireBornBy(LocalDate born, Instant occurredAt, String field) {
        LocalDate day = LedgerTime.dayOf(occurredAt);
        if (day.isBefore(born)) {
            throw new InvalidValueException(field, ValueProblem.BEFORE_BIRTH, field + " " + day
                    + " lies before the person's day of birth " + born, born.toString());
        }
    }
}
