package org.caseledger.api.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.PersonId;
import org.springframework.stereotype.Component;

/**
 * Decides every request that reads a household or changes its members, by the rules of {@link AccessPolicy}, and logs it:
 * a read as one entry per case file and per member it shows (or one for the request, when it shows only outreach), a
 * refusal as refused, a household nothing refers to as not found.
 */
@Component
public class HouseholdAccessGuard {

    /**
     * What one reader may see of a household: the case files they may read, the members they may read, the outreach
     * activities of their unit. Everything else of the household is left out, its existence included.
     */
    public record Visible(HouseholdAccess household, List<CaseAccess> cases, List<HouseholdAccess.Member> members,
                          List<HouseholdAccess.Activity> outreach) {

        /** Whether the reader may see this member. */
        public boolean shows(PersonId person) {
            return members.stream().anyMatch(member -> member.person().personId().equals(person));
        }
    }

    private final HouseholdAccessRepository households;
    private final CaseAccessRepository cases;
    private final PersonAccessRepository persons;
    private final AccessLog log;

    HouseholdAccessGuard(HouseholdAccessRepository households, CaseAccessRepository cases, PersonAccessRepository persons, AccessLog log) {
        this.households = households;
        this.cases = cases;
        this.persons = persons;
        this.log = log;
    }

    /** Logs the read and answers what the reader may see of the household; refuses (logged) one who may see none of it. */
    public Visible read(StaffUser staff, HouseholdId householdId, String what, String purpose) {
        HouseholdAccess household = households.find(householdId);
        String detail = detail(householdId);
        if (!household.known()) {
            log.record(AccessLog.Read.ofRequest(staff, what, detail, purpose, AccessLog.Outcome.NOT_FOUND));
            throw new NotFoundException("there is no household with id " + householdId);
        }
        Optional<Refusal> refusal = AccessPolicy.refusesToReadHousehold(staff, household);
        if (refusal.isPresent()) {
            log.record(AccessLog.Read.ofRequest(staff, what, detail, purpose, AccessLog.Outcome.REFUSED));
            throw new AccessRefusedException(refusal.get());
        }
        Visible visible = new Visible(household,
                household.cases().stream().filter(file -> AccessPolicy.mayList(staff, file)).toList(),
                household.members().stream().filter(member -> AccessPolicy.mayShowMember(staff, member, household)).toList(),
                household.outreach().stream().filter(activity -> AccessPolicy.mayShowActivity(staff, activity)).toList());
        List<AccessLog.Read> reads = new ArrayList<>();
        visible.cases().forEach(file -> reads.add(AccessLog.Read.ofCase(staff, file, what, detail, purpose, AccessLog.Outcome.READ)));
        visible.members().forEach(member -> reads.add(AccessLog.Read.ofPerson(staff, member.person(), what, detail, purpose,
                AccessLog.Outcome.READ)));
        if (reads.isEmpty()) {
            reads.add(AccessLog.Read.ofRequest(staff, what, detail, purpose, AccessLog.Outcome.READ));
        }
        log.record(reads);
        return visible;
    }

    /**
     * Lets a change of the household's membership for the person be recorded, or refuses it (logged against each of the
     * household's case files, or the person). A person the ledger does not know passes here: the command bus refuses
     * them with its rule.
     */
    public void change(StaffUser staff, HouseholdId householdId, PersonId person, String what) {
        List<CaseAccess> files = cases.findByHousehold(householdId);
        PersonAccess target = persons.find(person).orElse(null);
        Optional<Refusal> refusal = AccessPolicy.refusesToChangeHousehold(staff, files, target);
        if (refusal.isPresent()) {
            List<AccessLog.Read> refused = new ArrayList<>(files.stream()
                    .map(file -> AccessLog.Read.ofCase(staff, file, what, detail(householdId), null, AccessLog.Outcome.REFUSED)).toList());
            if (target != null) {
                refused.add(AccessLog.Read.ofPerson(staff, target, what, detail(householdId), null, AccessLog.Outcome.REFUSED));
            }
            if (refused.isEmpty()) {
                refused.add(AccessLog.Read.ofRequest(staff, what, detail(householdId), null, AccessLog.Outcome.REFUSED));
            }
            log.record(refused);
            throw new AccessRefusedException(refusal.get());
        }
    }

    private static String detail(HouseholdId householdId) {
        return "household " + householdId.value();
    }
}
