package org.caseledger.core.household;

import java.time.Instant;
import org.caseledger.core.shared.PersonId;

/**
 * A span of time in which a person was a member of a household in one relation to its children.
 *
 * @param from when it began, as the fact says it happened
 * @param to   when it ended (the member left, or their relation changed); {@code null} while it lasts
 */
public record MembershipPeriod(PersonId person, HouseholdRelation relation, Instant from, Instant to) {

    /** Whether the person was a member in this period at the instant: from its beginning, up to (not at) its end. */
    public boolean covers(Instant instant) {
        return !instant.isBefore(from) && (to == null || instant.isBefore(to));
    }
}
