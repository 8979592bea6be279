package org.caseledger.core.person;

import java.util.List;
import java.util.Optional;
import org.caseledger.core.shared.LedgerEvent;

/**
 * A person as their events leave them: the name and number as last corrected, whether their identity is protected now,
 * and whether they are erased. The registration keeps what it first said; this is what a reader is shown today.
 *
 * @param registered whether any registration was found at all
 */
public record PersonRecord(boolean registered, String name, PersonalIdentityNumber identityNumber, String reserveNumber,
                           boolean protectedIdentity, boolean erased) {

    private static final PersonRecord UNREGISTERED = new PersonRecord(false, null, null, null, false, false);

    /** Folds the person's events, in their order; events of other kinds are passed over. */
    public static PersonRecord of(List<? extends LedgerEvent> events) {
        PersonRecord person = UNREGISTERED;
        for (LedgerEvent event : events) {
            person = person.with(event);
        }
        return person;
    }

    private PersonRecord with(LedgerEvent event) {
        if (event instanceof PersonRegistered registration) {
            return new PersonRecord(true, registration.name(), registration.identityNumber(), registration.reserveNumber(),
                    registration.protectedIdentity(), false);
        }
        if (event instanceof NameCorrected corrected) {
            return new PersonRecord(registered, corrected.name(), identityNumber, reserveNumber, protectedIdentity, erased);
        }
        if (event instanceof IdentityNumberCorrected corrected) {
            return new PersonRecord(registered, name, corrected.identityNumber(), reserveNumber, protectedIdentity, erased);
        }
        if (event instanceof IdentityProtected || event instanceof IdentityProtectionLifted) {
            return new PersonRecord(registered, name, identityNumber, reserveNumber, event instanceof IdentityProtected, erased);
        }
        if (event instanceof PersonErased) {
            return new PersonRecord(registered, name, identityNumber, reserveNumber, protectedIdentity, true);
        }
        return this;
    }

    /** The number the person is known by: the identity number once there is one, else the reserve number. */
    public Optional<String> reserveNumberInUse() {
        return identityNumber == null ? Optional.ofNullable(reserveNumber) : Optional.empty();
    }
}
