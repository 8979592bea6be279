package org.caseledger.api.access;

import java.util.List;
import java.util.Optional;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.springframework.stereotype.Component;

/**
 * Decides every request that reads or acts on a person, by the rules of {@link AccessPolicy}, and logs it like a
 * request naming a case: a read as read, a refusal as refused, an id that names no one as not found.
 */
@Component
public class PersonAccessGuard {

    private final PersonAccessRepository persons;
    private final CaseAccessRepository cases;
    private final AccessLog log;

    PersonAccessGuard(PersonAccessRepository persons, CaseAccessRepository cases, AccessLog log) {
        this.persons = persons;
        this.cases = cases;
        this.log = log;
    }

    /** Logs the read of the person and answers what the reader may know of them; refuses (logged) otherwise. */
    public PersonAccess read(StaffUser staff, PersonId person, String what, String purpose) {
        PersonAccess target = find(staff, person, what, purpose);
        decide(staff, target, AccessPolicy.refusesToReadPerson(staff, target), what, purpose);
        log.record(AccessLog.Read.ofPerson(staff, target, what, null, purpose, AccessLog.Outcome.READ));
        return target;
    }

    /**
     * Lets a fact about the person be recorded (a protection, a correction), or refuses it (logged): by a member of staff
     * who may read the person and whose unit holds them.
     */
    public PersonAccess record(StaffUser staff, PersonId person, String what) {
        PersonAccess target = find(staff, person, what, null);
        decide(staff, target, AccessPolicy.refusesToRecordAboutPerson(staff, target), what, null);
        return target;
    }

    /** Lets the erasure of the person go ahead, or refuses it (logged); the erasure itself is recorded by the ledger. */
    public PersonAccess erase(StaffUser staff, PersonId person, String what) {
        PersonAccess target = find(staff, person, what, null);
        decide(staff, target, AccessPolicy.refusesToErasePerson(staff, target), what, null);
        return target;
    }

    /** Lets a person be registered into the household, or refuses it (logged against each of its case files). */
    public void joinHousehold(StaffUser staff, HouseholdId household, String what) {
        if (household == null) {
            return;
        }
        List<CaseAccess> files = cases.findByHousehold(household);
        Optional<Refusal> refusal = AccessPolicy.refusesToJoinHousehold(staff, files);
        if (refusal.isPresent()) {
            log.record(files.stream()
                    .map(file -> AccessLog.Read.ofCase(staff, file, what, "household " + household.value(), null, AccessLog.Outcome.REFUSED))
                    .toList());
            throw new AccessRefusedException(refusal.get());
        }
    }

    /**
     * Lets a case be opened for the child in the household, or refuses it (logged): a case makes its unit one that holds
     * the child and the household, so opening one must not become a way into another unit's protected child or household.
     * An unprotected child known to another unit may get a case here (a report of concern reaches any unit); a protected
     * one only from a member of staff who may already read them; a household only from one who may act on all its files.
     */
    public void openCase(StaffUser staff, PersonId child, HouseholdId household, String what) {
        joinHousehold(staff, household, what);
        Optional<PersonAccess> target = child == null ? Optional.empty() : persons.find(child);
        if (target.isPresent() && target.get().protectedIdentity()) {
            decide(staff, target.get(), AccessPolicy.refusesToReadPerson(staff, target.get()), what, null);
        }
    }

    private PersonAccess find(StaffUser staff, PersonId person, String what, String purpose) {
        Optional<PersonAccess> target = persons.find(person);
        if (target.isEmpty()) {
            log.record(new AccessLog.Read(AccessLog.Reader.of(staff), AccessLog.Touched.missingPerson(person.value()), what, null,
                    purpose, AccessLog.Outcome.NOT_FOUND));
            throw new NotFoundException("there is no person with id " + person.value());
        }
        return target.get();
    }

    private void decide(StaffUser staff, PersonAccess target, Optional<Refusal> refusal, String what, String purpose) {
        if (refusal.isPresent()) {
            log.record(AccessLog.Read.ofPerson(staff, target, what, null, purpose, AccessLog.Outcome.REFUSED));
            throw new AccessRefusedException(refusal.get());
        }
    }
}
