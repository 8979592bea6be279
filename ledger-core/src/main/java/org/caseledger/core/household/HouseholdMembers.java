package org.caseledger.core.household;

import java.util.ArrayList;
import java.util.List;
import org.caseledger.core.shared.LedgerEvent;

/** A household's recorded members as periods, folded from its stream: a relation change ends one period and begins the next. */
public final class HouseholdMembers {

    private HouseholdMembers() {
    }

    /** The periods, in the order they began in the stream; events of other kinds are passed over. */
    public static List<MembershipPeriod> of(List<? extends LedgerEvent> eventsInOrder) {
        List<MembershipPeriod> periods = new ArrayList<>();
        for (LedgerEvent event : eventsInOrder) {
            if (event instanceof HouseholdMemberJoined joined) {
                periods.add(new MembershipPeriod(joined.person(), joined.relation(), joined.envelope().occurredAt(), null));
            } else if (event instanceof HouseholdRelationChanged changed) {
                end(periods, changed);
                periods.add(new MembershipPeriod(changed.person(), changed.relation(), changed.envelope().occurredAt(), null));
            } else if (event instanceof HouseholdMemberLeft left) {
                end(periods, left);
            }
        }
        return List.copyOf(periods);
    }

    private static void end(List<MembershipPeriod> periods, HouseholdEvent event) {
        for (int i = periods.size() - 1; i >= 0; i--) {
            MembershipPeriod open = periods.get(i);
            if (open.person().equals(event.person()) && open.to() == null) {
                periods.set(i, new MembershipPeriod(open.person(), open.relation(), open.from(), event.envelope().occurredAt()));
                return;
            }
        }
    }
}
