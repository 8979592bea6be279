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

    /** The most characters {@code audience} may have; the API's OpenAPI document states this limit. */
    public static final int AUDIENCE_LIMIT = 300;

    /** The most characters {@code topic} may have; the API's OpenAPI document states this limit. */
    public static final int TOPIC_LIMIT = 200;

    /** The most participants a meeting may have; the API's OpenAPI document states this limit. */
    public static final int PARTICIPANTS_LIMIT = 100_000;

    public HoldInformationMeeting {
        Require.present(activityId, "activityId");
        Require.text(audience, "audience", AUDIENCE_LIMIT);
        // Checked before the copy: a null topic (a JSON array with a null in it) would otherwise fail inside List.copyOf.
        if (topics != null) {
            topics.forEach(topic -> Require.text(topic, "topics[]", TOPIC_LIMIT));
        }
        topics = topics == null ? List.of() : List.copyOf(topics);
        Require.present(envelope, "envelope");
        Require.between(participants, 0, PARTICIPANTS_LIMIT, "participants");
    }
}
