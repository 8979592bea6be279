package org.caseledger.core.outreach;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** An information meeting was held. */
@Revision("1")
public record InformationMeetingHeld(
        ActivityId activityId,
        String audience,
        int participants,
        List<String> topics,
        Envelope envelope) implements OutreachEvent {

    public InformationMeetingHeld {
        Require.present(activityId, "activityId");
        topics = topics == null ? List.of() : List.copyOf(topics);
        Require.present(envelope, "envelope");
    }
}
