package org.caseledger.core.outreach;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.Require;

/** Support and service was given to a household. */
@Revision("1")
public record ServiceSupportProvided(
        ActivityId activityId,
        HouseholdId household,
        ServiceSupportKind kind,
        Envelope envelope) implements OutreachEvent {

    public ServiceSupportProvided {
        Require.present(activityId, "activityId");
        Require.present(household, "household");
        Require.present(kind, "kind");
        Require.present(envelope, "envelope");
    }
}
