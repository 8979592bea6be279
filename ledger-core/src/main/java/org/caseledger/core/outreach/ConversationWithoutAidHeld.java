package org.caseledger.core.outreach;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.Require;

/** A conversation without an aid decision was held with a household. */
@Revision("1")
public record ConversationWithoutAidHeld(
        ActivityId activityId,
        HouseholdId household,
        Envelope envelope) implements OutreachEvent {

    public ConversationWithoutAidHeld {
        Require.present(activityId, "activityId");
        Require.present(household, "household");
        Require.present(envelope, "envelope");
    }
}
