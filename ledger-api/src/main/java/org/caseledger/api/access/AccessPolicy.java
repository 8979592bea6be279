package org.caseledger.api.access;

import java.util.List;
import java.util.Optional;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.UnitId;

/**
 * Who may read and act on which case. Each guard answers the reason for a refusal, or nothing when allowed:
 * <ul>
 *   <li>auditors read every case and write none;</li>
 *   <li>the administrator manages reference data and staff and reads no case content;</li>
 *   <li>case workers, group leaders and the unit head read and act on the cases of their own unit;</li>
 *   <li>a case whose child or household member has a protected identity is for the assigned case worker, the
 *       unit head and auditors only;</li>
 *   <li>a person is read as far as the cases they are in are read: whoever may read one of the person's case files
 *       may read the person; a person in no case file yet is for the unit that registered them (when protected, for
 *       its unit head and the one who registered them);</li>
 *   <li>a person is erased only by a unit holding one of their case files, with the approval of every other unit
 *       holding one;</li>
 *   <li>only a unit that may act on every case file of a household adds a person to that household, because a
 *       protected member would change who may read those files;</li>
 *   <li>a household is read as far as its parts are: each of its case files, members and outreach activities is shown
 *       to whoever may read it, and the household at all to whoever may read one of them (docs/privacy.md, "Who sees a
 *       household").</li>
 * </ul>
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** Why this member of staff may not read the case, if they may not. */
    public static Optional<Refusal> refusesToRead(StaffUser staff, CaseAccess target) {
        if (staff.role() == Role.AUDITOR) {
            return Optional.empty();
        }
        return refusesCaseWork(staff, target);
    }

    /** Why this member of staff may not act on the case, if they may not. */
    public static Optional<Refusal> refusesToWrite(StaffUser staff, CaseAccess target) {
        if (staff.role() == Role.AUDITOR) {
            return Optional.of(Refusal.AUDITORS_DO_NOT_WRITE);
        }
        return refusesCaseWork(staff, target);
    }

    /** Why this member of staff may not export the signed case file, if they may not: it is for review, not case work. */
    public static Optional<Refusal> refusesToExport(StaffUser staff, CaseAccess target) {
        if (staff.role() != Role.AUDITOR && staff.role() != Role.UNIT_HEAD) {
            return Optional.of(Refusal.EXPORT_FOR_REVIEWERS);
        }
        return refusesToRead(staff, target);
    }

    /** Why this member of staff may not see the figures and lists of a unit, if they may not. */
    public static Optional<Refusal> refusesUnit(StaffUser staff, UnitId unit) {
        if (staff.role() == Role.AUDITOR) {
            return Optional.empty();
        }
        if (staff.role() == Role.ADMINISTRATOR) {
            return Optional.of(Refusal.ADMINISTRATOR_READS_NO_CASES);
        }
        if (!staff.unit().equals(unit)) {
            return Optional.of(Refusal.NOT_YOUR_UNIT);
        }
        return Optional.empty();
    }

    /** Whether a list, search or drill-down shown to this member of staff may name the case. */
    public static boolean mayList(StaffUser staff, CaseAccess target) {
        return refusesToRead(staff, target).isEmpty();
    }

    /** Why this member of staff may not read the person's registration, history or extract, if they may not. */
    public static Optional<Refusal> refusesToReadPerson(StaffUser staff, PersonAccess person) {
        if (staff.role() == Role.AUDITOR) {
            return Optional.empty();
        }
        if (staff.role() == Role.ADMINISTRATOR) {
            return Optional.of(Refusal.ADMINISTRATOR_READS_NO_RECORDS);
        }
        if (!person.cases().isEmpty()) {
            return person.cases().stream().anyMatch(file -> mayList(staff, file)) ? Optional.empty()
                    : Optional.of(Refusal.PERSON_IN_NO_READABLE_FILE);
        }
        if (!staff.unit().equals(person.registeredUnit())) {
            return Optional.of(Refusal.PERSON_OF_ANOTHER_UNIT);
        }
        if (person.protectedIdentity() && staff.role() != Role.UNIT_HEAD && !staff.staffId().equals(person.registeredBy())) {
            return Optional.of(Refusal.PERSON_PROTECTED);
        }
        return Optional.empty();
    }

    /**
     * Why this member of staff may not record a fact about the person (a protection of their identity, a correction of
     * their name or number), if they may not: they must be able to read the person, and hold them in their own unit.
     */
    public static Optional<Refusal> refusesToRecordAboutPerson(StaffUser staff, PersonAccess person) {
        return refusesToReadPerson(staff, person).or(() -> refusesToErasePerson(staff, person));
    }

    /**
     * Why this member of staff may not erase the person, or approve their erasure for their unit, if they may not:
     * only a unit holding the person acts on them. When other units hold the person too, the ledger itself asks for
     * each of their approvals ({@code ErasePerson.otherUnits}).
     */
    public static Optional<Refusal> refusesToErasePerson(StaffUser staff, PersonAccess person) {
        if (staff.role() == Role.AUDITOR) {
            return Optional.of(Refusal.AUDITORS_DO_NOT_WRITE);
        }
        if (!person.units().contains(staff.unit())) {
            return Optional.of(Refusal.PERSON_NOT_IN_YOUR_UNIT);
        }
        return Optional.empty();
    }

    /** Why this member of staff may not add a person to a household with these case files, if they may not. */
    public static Optional<Refusal> refusesToJoinHousehold(StaffUser staff, List<CaseAccess> householdCases) {
        return householdCases.stream()
                .filter(file -> refusesToWrite(staff, file).isPresent())
                .findFirst()
                .map(file -> Refusal.HOUSEHOLD_OF_ANOTHER_UNIT);
    }

    /**
     * Why this member of staff may not read the household at all, if they may not: they may read none of its case files,
     * none of its members and none of its outreach activities. What they may read of it is decided part by part.
     */
    public static Optional<Refusal> refusesToReadHousehold(StaffUser staff, HouseholdAccess household) {
        if (staff.role() == Role.AUDITOR) {
            return Optional.empty();
        }
        if (staff.role() == Role.ADMINISTRATOR) {
            return Optional.of(Refusal.ADMINISTRATOR_READS_NO_CASES);
        }
        boolean readsAPart = household.cases().stream().anyMatch(file -> mayList(staff, file))
                || household.members().stream().anyMatch(member -> mayShowMember(staff, member, household))
                || household.outreach().stream().anyMatch(activity -> mayShowActivity(staff, activity));
        return readsAPart ? Optional.empty() : Optional.of(Refusal.HOUSEHOLD_NOT_READABLE);
    }

    /**
     * Whether a household's view may show this member — name, identity number, relation and the facts of their
     * membership: to whoever may read the person, and, for a child who is a member only through their cases, may read one
     * of those cases (else the member would tell of a case file the reader may not read). A protected member is thus
     * shown to the unit head and the assigned case workers of the household's files, and to no one else of the unit.
     */
    public static boolean mayShowMember(StaffUser staff, HouseholdAccess.Member member, HouseholdAccess household) {
        if (refusesToReadPerson(staff, member.person()).isPresent()) {
            return false;
        }
        return member.inFiles() || household.cases().stream()
                .anyMatch(file -> member.ownCases().contains(file.caseId()) && mayList(staff, file));
    }

    /** Whether a household's view may show an outreach activity with it: to its own unit's staff and auditors, as the activity itself. */
    public static boolean mayShowActivity(StaffUser staff, HouseholdAccess.Activity activity) {
        return refusesUnit(staff, activity.unit()).isEmpty();
    }

    /**
     * Why this member of staff may not record a change of the household's membership for the person, if they may not:
     * they must be able to act on every case file of the household (a protected member changes who may read them all),
     * and, when the person has a protected identity, be able to read them already (else adding them to a household of
     * their own unit would be a way into another unit's protected person).
     */
    public static Optional<Refusal> refusesToChangeHousehold(StaffUser staff, List<CaseAccess> householdCases, PersonAccess person) {
        if (staff.role() == Role.AUDITOR) {
            return Optional.of(Refusal.AUDITORS_DO_NOT_WRITE);
        }
        if (staff.role() == Role.ADMINISTRATOR) {
            return Optional.of(Refusal.ADMINISTRATOR_READS_NO_CASES);
        }
        return refusesToJoinHousehold(staff, householdCases)
                .or(() -> person != null && person.protectedIdentity() ? refusesToReadPerson(staff, person) : Optional.empty());
    }

    private static Optional<Refusal> refusesCaseWork(StaffUser staff, CaseAccess target) {
        if (staff.role() == Role.ADMINISTRATOR) {
            return Optional.of(Refusal.ADMINISTRATOR_READS_NO_CASES);
        }
        if (!staff.unit().equals(target.unit())) {
            return Optional.of(Refusal.CASE_OF_ANOTHER_UNIT);
        }
        if (target.protectedIdentity() && !mayHandleProtected(staff, target)) {
            return Optional.of(Refusal.CASE_PROTECTED);
        }
        return Optional.empty();
    }

    private static boolean mayHandleProtected(StaffUser staff, CaseAccess target) {
        return staff.role() == Role.UNIT_HEAD || staff.staffId().equals(target.assignee());
    }
}
