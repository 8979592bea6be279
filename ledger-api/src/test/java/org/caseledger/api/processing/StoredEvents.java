package org.caseledger.api.processing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

/**
 * Events as a storage engine hands out the global stream: stored rows deserialized by Axon's own
 * {@link EventUtils#upcastAndDeserializeTrackedEvents}, the path the ledger's storage engine takes, with a serializer
 * that counts how often a payload or metadata is actually deserialized.
 */
final class StoredEvents {

    /** Jackson, counting its deserializations. */
    static final class CountingSerializer implements Serializer {

        final AtomicInteger deserialized = new AtomicInteger();
        private final Serializer json = JacksonSerializer.defaultSerializer();

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            return json.serialize(object, expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return json.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            deserialized.incrementAndGet();
            return json.deserialize(serializedObject);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            return json.classForType(type);
        }

        @Override
        public SerializedType typeForClass(Class type) {
            return json.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return json.getConverter();
        }
    }

    private StoredEvents() {
    }

    /** The event stored at {@code globalIndex}, of {@code stream}, with a payload of {@code payloadType} as JSON. */
    static TrackedEventMessage<?> read(Serializer serializer, long globalIndex, String stream, String payloadType, String payloadJson) {
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("Test", stream, 0, UUID.randomUUID().toString(),
                Instant.parse("2026-01-01T00:00:00Z"), payloadType, null, payloadJson.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return EventUtils.upcastAndDeserializeTrackedEvents(
                        java.util.stream.Stream.of(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(globalIndex), row)),
                        serializer, NoOpEventUpcaster.INSTANCE)
                .findFirst().orElseThrow();
    }
}
