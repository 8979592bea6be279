package org.caseledger.api.upcasting;

import org.caseledger.projections.upcasting.PersonErasedUpcaster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.caseledger.core.person.ErasureReason;
import org.caseledger.core.person.PersonErased;
import org.caseledger.core.shared.PersonId;
import org.junit.jupiter.api.Test;

/** Stored revision-1 erasures, whose reason was plain text, read as revision 2: a code, and no text. */
class PersonErasedUpcasterTest {

    private static final List<StoredEventFixture.Row> STORED = StoredEventFixture.load("/schema-evolution/person-erased-revision-1.json");

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();
    private final PersonErasedUpcaster upcaster = new PersonErasedUpcaster();

    @Test
    void givenAnErasureByTheRetentionRunWhenReadThenItsReasonIsTheRetentionCode() {
        IntermediateEventRepresentation upcast = upcastOne(STORED.get(0));

        PersonErased event = serializer.deserialize(upcast.getData());

        assertThat(upcast.getType()).isEqualTo(PersonErasedUpcaster.REVISION_2);
        assertThat(event.personId()).isEqualTo(PersonId.of(STORED.get(0).aggregateId()));
        assertThat(event.reason()).isEqualTo(ErasureReason.RETENTION);
        assertThat(event.note()).isNull();
    }

    @Test
    void givenAnErasureWithATypedReasonWhenReadThenItIsNotCodedAndTheTextIsNotShown() {
        PersonErased event = serializer.deserialize(upcastOne(STORED.get(1)).getData());

        assertThat(event.reason()).isEqualTo(ErasureReason.NOT_CODED);
        assertThat(event.note()).isNull();
        assertThat(event.toString()).doesNotContain("Kim Andersson");
        assertThat(event.envelope().occurredAt()).hasToString("2026-11-21T11:00:00Z");
    }

    @Test
    void givenARevisionOneErasureWhenReadWithoutTheUpcasterThenItCannotBeRead() {
        StoredEventFixture.Row row = STORED.get(1);

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(row.payload(), byte[].class, row.payloadType(),
                row.payloadRevision())))
                .isInstanceOf(SerializationException.class);
    }

    private IntermediateEventRepresentation upcastOne(StoredEventFixture.Row row) {
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(new InitialEventRepresentation(new GenericDomainEventEntry<>(
                row.type(), row.aggregateId(), row.sequenceNumber(), row.eventId(), row.timeStamp(), row.payloadType(), row.payloadRevision(),
                row.payload(), row.metaData()), serializer))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }
}
