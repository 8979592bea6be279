package org.caseledger.kit.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.SecretKey;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.projections.personaldata.PersonalFields;
import org.caseledger.projections.upcasting.Upcasters;

/**
 * A case file's stored events read as the ledger reads its store: Axon's Jackson serializer over the stored bytes, the
 * ledger's upcasters for older shapes, and the personal fields opened with the keys at hand, in that order.
 */
final class FileEvents {

    private static final byte[] NO_META_DATA = "{}".getBytes(StandardCharsets.UTF_8);

    private final Serializer serializer;

    FileEvents(ObjectMapper json, Function<UUID, Optional<SecretKey>> keys, String unreadable) {
        this.serializer = new Opening(JacksonSerializer.builder().objectMapper(json).build(), keys, unreadable);
    }

    /** The events of one stream, of the aggregate type named ({@code Case}, {@code Person}): Axon's reader asks for one. */
    List<LedgerEvent> read(JsonNode events, String aggregateType) {
        List<DomainEventData<byte[]>> stored = new ArrayList<>();
        for (JsonNode event : events) {
            stored.add(new GenericDomainEventEntry<>(aggregateType, event.path("aggregateId").asText(), event.path("sequenceNumber").asLong(),
                    event.path("eventId").asText(), Instant.EPOCH, event.path("payloadType").asText(), event.path("payloadRevision").asText(),
                    Base64.getDecoder().decode(event.path("payload").asText()), NO_META_DATA));
        }
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(stored.stream(), serializer, Upcasters.chain());
        List<LedgerEvent> read = new ArrayList<>();
        stream.forEachRemaining(message -> read.add((LedgerEvent) message.getPayload()));
        return read;
    }

    /** The serializer with the personal fields opened between the upcasters and the record. */
    private record Opening(Serializer delegate, Function<UUID, Optional<SecretKey>> keys, String unreadable) implements Serializer {

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            throw new UnsupportedOperationException("the kit only reads");
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serialized) {
            Class<?> type = delegate.classForType(serialized.getType());
            if (PersonalFields.encrypted(type).isEmpty()) {
                return delegate.deserialize(serialized);
            }
            ObjectNode tree = delegate.getConverter().convert(serialized, JsonNode.class).getData().deepCopy();
            PersonalFields.open(tree, type, keys, unreadable);
            return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serialized.getType()));
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return delegate.canSerializeTo(expectedRepresentation);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            return delegate.classForType(type);
        }

        @Override
        public SerializedType typeForClass(Class type) {
            return delegate.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return delegate.getConverter();
        }
    }
}
