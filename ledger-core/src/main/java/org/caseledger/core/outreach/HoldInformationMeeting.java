package org.caseledger.core.outreach;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Require;

/** Record an information meeting or a dialogue with parents. */
public record HoldInformationMeeting(
        @TargetAggregateIdentifier ActivityId activityId,
        String audience,
        int participants,
        List<String> topics,
        Envelope envelope) implements OutreachCommand {

    public HoldInformationMeeting {
        Require.present(activityId, "activityId");
        Require.text(audience, "audience", 300);
        // Checked before the copy: a null topic (a JSON array with a null in it) would otherwise fail inside List.copyOf.
        if (topics != null) {
            topics.forEach(topic -> Require.text(topic, "topics[]", 200));
        }
        topics = topics == null ? List.of() : List.copyOf(topics);
        Require.present(envelope, "envelope");
        Require.between(participants, 0, 100_000, "participants");
    }
}
