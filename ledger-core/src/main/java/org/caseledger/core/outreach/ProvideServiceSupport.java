package org.caseledger.core.outreach;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.Require;

/** Record practical support and service given to a household without a needs assessment. */
public record ProvideServiceSupport(
        @TargetAggregateIdentifier ActivityId activityId,
        HouseholdId household,
        ServiceSupportKind kind,
        Envelope envelope) implements OutreachCommand {

    public ProvideServiceSupport {
        Require.present(activityId, "activityId");
        Require.present(household, "household");
        Require.present(kind, "kind");
        Require.present(envelope, "envelope");
    }
}
