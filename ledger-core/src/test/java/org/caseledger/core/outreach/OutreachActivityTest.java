package org.caseledger.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseledger.core.shared.TestEnvelopes.at;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.InvalidValueException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutreachActivityTest {

    private static final ActivityId ACTIVITY = ActivityId.of("0a000000-0000-4000-8000-000000000001");
    private static final HouseholdId HOUSEHOLD = HouseholdId.of("a1b2c3d4-e5f6-4789-8abc-def012345678");
    private static final Envelope ENVELOPE = at("2025-10-02T15:00:00Z");

    private AggregateTestFixture<OutreachActivity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OutreachActivity.class);
    }

    @Test
    void anAnonymousConsultationIsRecordedWithItsTopicOnly() {
        fixture.givenNoPriorActivity()
                .when(new HoldAnonymousConsultation(ACTIVITY, ConsultationTopic.FINANCES, ENVELOPE))
                .expectEvents(new AnonymousConsultationHeld(ACTIVITY, ConsultationTopic.FINANCES, ENVELOPE));
    }

    @Test
    void anInformationMeetingIsRecordedWithAudienceParticipantsAndTopics() {
        fixture.givenNoPriorActivity()
                .when(new HoldInformationMeeting(ACTIVITY, "parents at Vivallaskolan", 23, List.of("school", "leisure"), ENVELOPE))
                .expectEvents(new InformationMeetingHeld(ACTIVITY, "parents at Vivallaskolan", 23, List.of("school", "leisure"),
                        ENVELOPE));
    }

    @Test
    void aConversationWithoutAnAidDecisionIsRecordedForTheHousehold() {
        fixture.givenNoPriorActivity()
                .when(new HoldConversationWithoutAid(ACTIVITY, HOUSEHOLD, ENVELOPE))
                .expectEvents(new ConversationWithoutAidHeld(ACTIVITY, HOUSEHOLD, ENVELOPE));
    }

    @Test
    void serviceSupportIsRecordedForTheHouseholdWithItsKind() {
        fixture.givenNoPriorActivity()
                .when(new ProvideServiceSupport(ACTIVITY, HOUSEHOLD, ServiceSupportKind.TRANSPORT, ENVELOPE))
                .expectEvents(new ServiceSupportProvided(ACTIVITY, HOUSEHOLD, ServiceSupportKind.TRANSPORT, ENVELOPE));
    }

    @Test
    void anInformationMeetingCannotHaveANegativeNumberOfParticipants() {
        assertThatThrownBy(() -> new HoldInformationMeeting(ACTIVITY, "parents", -1, List.of(), ENVELOPE))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("participants");
    }

    @Test
    void anInformationMeetingWithAMissingTopicIsRejectedAsAnInvalidValue() {
        List<String> topics = new ArrayList<>();
        topics.add("school");
        topics.add(null);

        assertThatThrownBy(() -> new HoldInformationMeeting(ACTIVITY, "parents", 5, topics, ENVELOPE))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("topics[] is required");
    }

    @Test
    void anInformationMeetingMayHaveHadNoParticipants() {
        fixture.givenNoPriorActivity()
                .when(new HoldInformationMeeting(ACTIVITY, "parents", 0, null, ENVELOPE))
                .expectEvents(new InformationMeetingHeld(ACTIVITY, "parents", 0, List.of(), ENVELOPE));
    }

    @Test
    void theTopicsOfAMeetingCannotChangeAfterTheCommandWasMade() {
        List<String> topics = new ArrayList<>(List.of("school"));
        HoldInformationMeeting command = new HoldInformationMeeting(ACTIVITY, "parents", 5, topics, ENVELOPE);

        topics.add("added later");

        assertThat(command.topics()).containsExactly("school");
    }
}
