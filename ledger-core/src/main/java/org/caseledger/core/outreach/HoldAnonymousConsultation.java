package org.caseledger.core.outreach;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record an anonymous question at the door; no person data, only the topic. */
public record HoldAnonymousConsultation(
        @TargetAggregateIdentifier ActivityId activityId,
        ConsultationTopic topic,
        Envelope envelope) implements OutreachCommand {

    public HoldAnonymousConsultation {
        Require.present(activityId, "activityId");
        Require.present(topic, "topic");
        Require.present(envelope, "envelope");
    }
}
