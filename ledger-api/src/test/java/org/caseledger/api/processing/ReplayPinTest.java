package org.caseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Pins what the rebuild relies on ({@link ProjectionAdmin}, {@link ReadModelReplay}): a reset leaves every segment a
 * replay token from the tail that remembers where it was; a replay token stays one until it has passed that position;
 * the processor's own handlers, folded a page at a time in Axon's batching unit of work, write their batch once per
 * page and see the events as a replay, and a failing event leaves the page and its tokens unwritten; a stored token
 * reads back from its bytes and type name alone; and a token's position can pass a gap.
 */
class ReplayPinTest {

    @Test
    void givenAProcessorThatHandledEventsWhenItsTokensAreResetThenEverySegmentHoldsAReplayTokenFromTheTailRememberingWhereItWas() {
        try (InMemoryAxon axon = new InMemoryAxon(builder -> builder.initialSegmentCount(2))) {
            axon.processor.start();
            List<InMemoryAxon.Noted> history = axon.append(100);
            await().atMost(Duration.ofSeconds(20)).until(() -> axon.recorder.handled.size() == history.size());
            axon.processor.shutDown();
            int[] segments = axon.tokenStore.fetchSegments(InMemoryAxon.PROCESSOR);
            long[] reached = new long[segments.length];
            for (int i = 0; i < segments.length; i++) {
                reached[i] = axon.tokenStore.fetchToken(InMemoryAxon.PROCESSOR, segments[i]).position().orElseThrow();
            }

            axon.processor.resetTokens();

            assertThat(segments).hasSize(2);
            for (int i = 0; i < segments.length; i++) {
                TrackingToken token = axon.tokenStore.fetchToken(InMemoryAxon.PROCESSOR, segments[i]);
                assertThat(ReplayToken.isReplay(token)).isTrue();
                assertThat(WrappedToken.unwrapLowerBound(token)).isNull();
                assertThat(ReplayToken.getTokenAtReset(token)).isEqualTo(OptionalLong.of(reached[i]));
            }
        }
    }

    @Test
    void givenAReplayTokenWhenAdvancedThenItStaysAReplayUntilItHasPassedThePositionItWasResetAt() {
        TrackingToken atReset = GapAwareTrackingToken.newInstance(10, Set.of());
        TrackingToken replay = ReplayToken.createReplayToken(atReset);

        TrackingToken halfway = WrappedToken.advance(replay, GapAwareTrackingToken.newInstance(5, Set.of()));
        TrackingToken past = WrappedToken.advance(halfway, GapAwareTrackingToken.newInstance(11, Set.of()));

        assertThat(ReplayToken.isReplay(halfway)).isTrue();
        assertThat(halfway.position()).hasValue(5);
        assertThat(ReplayToken.getTokenAtReset(halfway)).hasValue(10);
        assertThat(ReplayToken.isReplay(past)).isFalse();
        assertThat(past).isEqualTo(GapAwareTrackingToken.newInstance(11, Set.of()));
        assertThat(WrappedToken.advance(null, atReset)).isEqualTo(atReset);
    }

    @Test
    void givenAnEventWhosePayloadWasDeserializedWhenItIsGivenItsReplayTokenThenItIsAReplayAndIsNotDeserializedAgain() {
        StoredEvents.CountingSerializer serializer = new StoredEvents.CountingSerializer();
        TrackedEventMessage<?> read = StoredEvents.read(serializer, 4, "stream", String.class.getName(), "\"text\"");
        read.getPayload();
        read.getMetaData();
        int deserialized = serializer.deserialized.get();

        TrackedEventMessage<?> replayed = read.withTrackingToken(ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(9, Set.of()),
                GapAwareTrackingToken.newInstance(4, Set.of())));

        assertThat(ReplayToken.isReplay(replayed)).isTrue();
        assertThat(replayed.getPayload()).isEqualTo("text");
        replayed.getMetaData();
        assertThat(serializer.deserialized).hasValue(deserialized);
    }

    @Test
    void givenAResetProcessorWhenTheReplayFoldsTheHistoryThenItsHandlersWriteOneBatchPerPageSeeAReplayAndTheTokensReachTheEnd() throws Exception {
        try (InMemoryAxon axon = new InMemoryAxon(builder -> builder.initialSegmentCount(2))) {
            List<InMemoryAxon.Noted> history = axon.append(ReadModelReplay.PAGE * 2 + 500);
            axon.processor.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> axon.recorder.handled.size() == history.size());
            axon.processor.shutDown();
            long end = positionOf(axon, history.size() - 1);
            axon.processor.resetTokens();
            axon.recorder.forget();

            replay(axon);

            assertThat(axon.recorder.handled).containsExactlyElementsOf(history);
            assertThat(axon.recorder.batchesWritten).containsExactly(ReadModelReplay.PAGE, ReadModelReplay.PAGE, 500);
            assertThat(axon.recorder.statuses).containsOnly(ReplayStatus.REPLAY);
            for (int segment : axon.tokenStore.fetchSegments(InMemoryAxon.PROCESSOR)) {
                assertThat(WrappedToken.unwrapLowerBound(axon.tokenStore.fetchToken(InMemoryAxon.PROCESSOR, segment)).position()).hasValue(end);
            }
        }
    }

    @Test
    void givenAnEventThatFailsInTheSecondPageWhenTheReplayFoldsItThenThatPageAndItsTokensAreNotWritten() throws Exception {
        try (InMemoryAxon axon = new InMemoryAxon(builder -> builder.initialSegmentCount(2))) {
            List<InMemoryAxon.Noted> history = axon.append(ReadModelReplay.PAGE * 2);
            axon.processor.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> axon.recorder.handled.size() == history.size());
            axon.processor.shutDown();
            axon.processor.resetTokens();
            axon.recorder.forget();
            axon.recorder.failOn(history.get(ReadModelReplay.PAGE + 10));

            replay(axon);

            assertThat(axon.recorder.batchesWritten).containsExactly(ReadModelReplay.PAGE);
            long endOfFirstPage = positionOf(axon, ReadModelReplay.PAGE - 1);
            for (int segment : axon.tokenStore.fetchSegments(InMemoryAxon.PROCESSOR)) {
                assertThat(WrappedToken.unwrapLowerBound(axon.tokenStore.fetchToken(InMemoryAxon.PROCESSOR, segment)).position())
                        .hasValue(endOfFirstPage);
            }
        }
    }

    /** Where the event appended {@code index}th (from 0) stands in the global stream. */
    private static long positionOf(InMemoryAxon axon, int index) {
        return axon.storageEngine.readEvents(null, false).skip(index).findFirst().orElseThrow().trackingToken().position().orElseThrow();
    }

    /** Replays into the stopped, reset processor as a rebuild does, and waits for the replay to end. */
    private static void replay(InMemoryAxon axon) throws InterruptedException {
        LedgerNodes nodes = mock(LedgerNodes.class);
        when(nodes.claimTimeout()).thenReturn(Duration.ofSeconds(10));
        ReadModelReplay replay = new ReadModelReplay(axon.storageEngine, axon.tokenStore, NoTransactionManager.INSTANCE, nodes);
        CountDownLatch done = new CountDownLatch(1);
        assertThat(replay.begin()).isTrue();

        replay.start(axon.processor, done::countDown);

        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givenATokenStoredAsAxonsTokenStoreStoresItWhenReadBackFromItsBytesAndTypeNameThenItIsTheSameToken() {
        Serializer serializer = JacksonSerializer.defaultSerializer();
        TrackingToken token = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(40, Set.of(37L)),
                GapAwareTrackingToken.newInstance(12, Set.of(9L)));
        GenericTokenEntry<byte[]> entry = new GenericTokenEntry<>(token, serializer, byte[].class, InMemoryAxon.PROCESSOR, 0);

        TrackingToken read = serializer.deserialize(new SimpleSerializedObject<>(entry.getSerializedToken().getData(), byte[].class,
                entry.getTokenType().getName(), null));

        assertThat(read).isEqualTo(token);
    }

    @Test
    void givenATokenWhenItAdvancesPastAPositionNotYetCommittedThenThatPositionIsAGapBelowItsPosition() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(3, Set.of()).advanceTo(5, 1_000);

        assertThat(token.position()).hasValue(5);
        assertThat(token.getGaps()).containsExactly(4L);
        assertThat(token.advanceTo(4, 1_000).getGaps()).isEmpty();
    }
}
