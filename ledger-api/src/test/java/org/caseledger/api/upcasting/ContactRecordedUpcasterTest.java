package org.caseledger.api.upcasting;

import org.caseledger.projections.upcasting.ContactRecordedUpcaster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.caseledger.api.support.StoredEventFixture;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.ContactChannel;
import org.caseledger.core.cases.ContactId;
import org.caseledger.core.cases.ContactInitiator;
import org.caseledger.core.cases.ContactRecorded;
import org.caseledger.core.shared.PartnerType;
import org.junit.jupiter.api.Test;

/** Stored revision-1 contacts, from the committed fixture, read as revision 2. */
class ContactRecordedUpcasterTest {

    private static final List<StoredEventFixture.Row> STORED =
            StoredEventFixture.load("/schema-evolution/contact-recorded-revision-1.json");

    /** Axon's event serializer as the application configures it (AxonConfiguration). */
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();
    private final ContactRecordedUpcaster upcaster = new ContactRecordedUpcaster();

    @Test
    void aCollaborationMeetingKeepsItsPartnerAsPartnerTypeAndItsInitiatorIsNotRecorded() {
        StoredEventFixture.Row meeting = STORED.get(5);

        IntermediateEventRepresentation upcast = upcastOne(meeting);

        assertThat(upcast.getType()).isEqualTo(ContactRecordedUpcaster.REVISION_2);
        JsonNode payload = upcast.getData(JsonNode.class).getData();
        assertThat(payload.path("partnerType").asText()).isEqualTo("SCHOOL");
        assertThat(payload.path("initiatedBy").asText()).isEqualTo("NOT_RECORDED");
        assertThat(payload.has("partner")).isFalse();
        ContactRecorded event = serializer.deserialize(upcast.getData());
        assertThat(event.contactId()).isEqualTo(ContactId.of("8ec3a6d8-fccd-411e-9808-9f3c3a4c3be1"));
        assertThat(event.caseId()).isEqualTo(CaseId.of(meeting.aggregateId()));
        assertThat(event.channel()).isEqualTo(ContactChannel.COLLABORATION_MEETING);
        assertThat(event.partnerType()).isEqualTo(PartnerType.SCHOOL);
        assertThat(event.initiatedBy()).isEqualTo(ContactInitiator.NOT_RECORDED);
        assertThat(event.summary()).isEqualTo("Meeting with the class teacher and the school nurse.");
        assertThat(event.envelope().occurredAt()).hasToString("2026-02-06T14:00:00Z");
    }

    @Test
    void aContactWithoutAPartnerHasNoPartnerTypeAfterUpcasting() {
        ContactRecorded event = serializer.deserialize(upcastOne(STORED.get(4)).getData());

        assertThat(event.channel()).isEqualTo(ContactChannel.PHONE);
        assertThat(event.partnerType()).isNull();
        assertThat(event.initiatedBy()).isEqualTo(ContactInitiator.NOT_RECORDED);
    }

    @Test
    void theStoredJsonItselfIsLeftUntouched() throws Exception {
        StoredEventFixture.Row meeting = STORED.get(5);
        JsonNode stored = new ObjectMapper().readTree(meeting.payload());

        ContactRecordedUpcaster.toRevision2(stored);

        assertThat(new ObjectMapper().writeValueAsBytes(stored)).isEqualTo(meeting.payload());
    }

    @Test
    void otherEventsAndTheCurrentRevisionPassThroughUnchanged() {
        IntermediateEventRepresentation note = representation(STORED.get(7));
        IntermediateEventRepresentation current = upcastOne(STORED.get(5));

        assertThat(upcaster.upcast(Stream.of(note, current)).toList()).containsExactly(note, current);
    }

    @Test
    void withoutTheUpcasterARevisionOneContactCannotBeRead() {
        StoredEventFixture.Row meeting = STORED.get(5);

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(meeting.payload(), byte[].class,
                meeting.payloadType(), meeting.payloadRevision())))
                .isInstanceOf(SerializationException.class);
    }

    private IntermediateEventRepresentation upcastOne(StoredEventFixture.Row row) {
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(representation(row))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private IntermediateEventRepresentation representation(StoredEventFixture.Row row) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>(row.type(), row.aggregateId(), row.sequenceNumber(),
                row.eventId(), row.timeStamp(), row.payloadType(), row.payloadRevision(), row.payload(), row.metaData()), serializer);
    }
}
