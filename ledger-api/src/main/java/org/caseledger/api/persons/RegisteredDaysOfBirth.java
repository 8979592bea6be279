package org.caseledger.api.persons;

import java.time.LocalDate;
import java.util.Optional;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.core.person.DaysOfBirth;
import org.caseledger.core.person.PersonRecord;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.caseledger.core.shared.PersonId;
import org.springframework.stereotype.Component;

/**
 * A person's day of birth read from their registration and its corrections, opened as the person's own history is: the
 * day is personal data, so it is kept nowhere else. Asked only when a case opens and for a fact dated before its case
 * was received, never on the common path of a command.
 */
@Component
class RegisteredDaysOfBirth implements DaysOfBirth {

    private final EventHistory history;

    RegisteredDaysOfBirth(EventHistory history) {
        this.history = history;
    }

    @Override
    public Optional<LocalDate> of(PersonId person) {
        PersonRecord record = PersonRecord.of(history.events(person));
        if (!record.registered() || record.erased()) {
            return Optional.empty();
        }
        return Optional.ofNullable(record.identityNumber()).map(PersonalIdentityNumber::birthDate);
    }
}
