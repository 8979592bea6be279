package org.caseledger.core.outreach;

import org.axonframework.serialization.Revision;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** An anonymous consultation was held. */
@Revision("1")
public record AnonymousConsultationHeld(
        ActivityId activityId,
        ConsultationTopic topic,
        Envelope envelope) implements OutreachEvent {

    public AnonymousConsultationHeld {
        Require.present(activityId, "activityId");
        Require.present(topic, "topic");
        Require.present(envelope, "envelope");
    }
}
