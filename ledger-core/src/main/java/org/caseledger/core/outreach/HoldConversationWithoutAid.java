package org.caseledger.core.outreach;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.Require;

/** Record a conversation with a household without an aid decision (samtal utan bistånd). */
public record HoldConversationWithoutAid(
        @TargetAggregateIdentifier ActivityId activityId,
        HouseholdId household,
        Envelope envelope) implements OutreachCommand {

    public HoldConversationWithoutAid {
        Require.present(activityId, "activityId");
        Require.present(household, "household");
        Require.present(envelope, "envelope");
    }
}
