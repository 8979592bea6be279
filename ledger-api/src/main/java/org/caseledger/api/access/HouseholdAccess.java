package org.caseledger.api.access;

import java.util.List;
import java.util.Set;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.outreach.ActivityId;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.UnitId;

/**
 * What deciding access to a household needs to know: its case files, everyone who is or was a member of it (by its own
 * events, a registration into it, or as the child of one of its cases), and the outreach activities with it.
 *
 * @param formed whether the household has a stream of its own (someone added a member)
 */
public record HouseholdAccess(HouseholdId householdId, boolean formed, List<CaseAccess> cases, List<Member> members,
                              List<Activity> outreach) {

    public HouseholdAccess {
        cases = List.copyOf(cases);
        members = List.copyOf(members);
        outreach = List.copyOf(outreach);
    }

    /**
     * Someone who is or was a member of the household.
     *
     * @param inFiles   a member by the household's events or a registration into it, and so in every one of its case files
     * @param ownCases  the household's case files of which the person is the child
     */
    public record Member(PersonAccess person, boolean inFiles, Set<CaseId> ownCases) {

        public Member {
            ownCases = Set.copyOf(ownCases);
        }
    }

    /** An outreach activity with the household, and the unit that recorded it. */
    public record Activity(ActivityId activityId, UnitId unit) {
    }

    /** Whether anything of the ledger refers to the household at all: a case, a member, an activity or its own stream. */
    public boolean known() {
        return formed || !cases.isEmpty() || !members.isEmpty() || !outreach.isEmpty();
    }

    /** Whether one who is or was a member (a case's child among them) has a protected identity: every file of it is then protected. */
    public boolean protectedIdentity() {
        return members.stream().anyMatch(member -> member.person().protectedIdentity()) || cases.stream().anyMatch(CaseAccess::protectedIdentity);
    }
}
