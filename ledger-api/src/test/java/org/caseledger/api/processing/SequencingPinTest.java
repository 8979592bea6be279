package org.caseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.caseledger.core.cases.CaseClosed;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pins what {@link ChildSequencing} relies on: an event of the global stream is a {@link DomainEventMessage} of its
 * stream, whose payload type is known without deserializing it (so sorting an event decrypts nothing); Axon's default
 * sequences by the stream's identifier; and Axon hands an event to the one segment its sequence identifier falls in,
 * so a case's events and its child's own events meet in one segment.
 */
class SequencingPinTest {

    private static final Segment[] FOUR = Arrays.stream(Segment.ROOT_SEGMENT.split())
            .flatMap(half -> Arrays.stream(half.split())).toArray(Segment[]::new);

    private final StoredEvents.CountingSerializer serializer = new StoredEvents.CountingSerializer();

    @Test
    void givenACaseEventReadFromTheGlobalStreamThenItIsADomainEventOfTheCaseAndItsTypeIsKnownWithoutDeserializingIt() {
        String caseId = UUID.randomUUID().toString();

        TrackedEventMessage<?> read = StoredEvents.read(serializer, 7, caseId, CaseClosed.class.getName(), "{\"not\":\"read\"}");

        assertThat(read).isInstanceOf(DomainEventMessage.class);
        assertThat(((DomainEventMessage<?>) read).getAggregateIdentifier()).isEqualTo(caseId);
        assertThat(read.getPayloadType()).isEqualTo(CaseClosed.class);
        assertThat(serializer.deserialized).hasValue(0);
    }

    @Test
    void givenAnEventOfAStreamWhenAxonsDefaultPolicySequencesItThenItsSequenceIsTheStreamsIdentifier() {
        String personId = UUID.randomUUID().toString();

        TrackedEventMessage<?> read = StoredEvents.read(serializer, 3, personId, "org.caseledger.core.person.PersonErased", "{}");

        assertThat(SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(read)).isEqualTo(personId);
    }

    /** Handles every event, as the read models' handlers together do. */
    private static final class AnyEvent {

        @EventHandler
        void on(Object event) {
        }
    }

    @Test
    void givenACaseEventAndAnEventOfTheChildsOwnStreamWhenAxonChoosesTheirSegmentsThenBothFallInTheSameOneOfFour() {
        String childId = UUID.randomUUID().toString();
        String caseId = caseInAnotherSegmentThan(childId);
        JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
        when(jdbc.sql(anyString()).param(any()).query(UUID.class).optional()).thenReturn(Optional.of(UUID.fromString(childId)));
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder().eventHandlers(new AnyEvent())
                .sequencingPolicy(new ChildSequencing(jdbc)).build();

        TrackedEventMessage<?> caseEvent = StoredEvents.read(serializer, 1, caseId, CaseClosed.class.getName(), "{}");
        TrackedEventMessage<?> childEvent = StoredEvents.read(serializer, 2, childId, "org.caseledger.core.person.PersonErased", "{}");

        List<Segment> caseSegments = segmentsHandling(invoker, caseEvent);
        assertThat(caseSegments).hasSize(1);
        assertThat(segmentsHandling(invoker, childEvent)).isEqualTo(caseSegments);
        assertThat(invoker.canHandle(caseEvent, Segment.ROOT_SEGMENT)).isTrue();
        assertThat(serializer.deserialized).hasValue(0);
    }

    private static List<Segment> segmentsHandling(SimpleEventHandlerInvoker invoker, EventMessage<?> event) {
        return Arrays.stream(FOUR).filter(segment -> invoker.canHandle(event, segment)).toList();
    }

    /** A case whose own stream would fall in another segment than the child's: the test then shows the child's policy at work. */
    private static String caseInAnotherSegmentThan(String childId) {
        while (true) {
            String caseId = UUID.randomUUID().toString();
            if (Arrays.stream(FOUR).noneMatch(segment -> segment.matches(caseId) && segment.matches(childId))) {
                return caseId;
            }
        }
    }
}
