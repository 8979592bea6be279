package org.caseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@link CoordinatorExecutor} relies on: Axon's coordinator waits exactly {@link CoordinatorExecutor#AXON_FULL_QUEUE_WAIT}
 * when a work package's queue is full, asks for that wait through {@code schedule(Runnable, long, TimeUnit)} on the
 * executor the processor was given, and waits that long for nothing else. If Axon changes the wait, the executor would
 * shorten nothing (or something else), and a rebuild through the processor would be slow again without any error.
 */
class CoordinatorWaitPinTest {

    /** Records every wait the coordinator asks for, through the one method {@link CoordinatorExecutor} overrides. */
    private static final class RecordingExecutor extends ScheduledThreadPoolExecutor {

        final List<Duration> waits = new CopyOnWriteArrayList<>();
        final List<String> namedFor = new CopyOnWriteArrayList<>();

        RecordingExecutor() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            waits.add(Duration.ofNanos(unit.toNanos(delay)));
            return super.schedule(command, delay, unit);
        }
    }

    @Test
    void givenAHandlerThatHoldsItsWorkPackageWhenMoreEventsArriveThanItsQueueTakesThenTheCoordinatorWaitsTheRecognisedWait() {
        RecordingExecutor coordinator = new RecordingExecutor();
        try (InMemoryAxon axon = new InMemoryAxon(builder -> builder.initialSegmentCount(1)
                .coordinatorExecutor(name -> {
                    coordinator.namedFor.add(name);
                    return coordinator;
                }))) {
            axon.recorder.hold();
            axon.processor.start();
            // More than a work package's queue holds (1,024 in Axon 4.13), with the handler holding the first.
            axon.append(3_000);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(coordinator.waits)
                    .as("the waits Axon's coordinator asked for").contains(CoordinatorExecutor.AXON_FULL_QUEUE_WAIT));

            assertThat(coordinator.namedFor).containsOnly(InMemoryAxon.PROCESSOR);
            axon.recorder.release();
            await().atMost(Duration.ofSeconds(20)).until(() -> axon.recorder.handled.size() == 3_000);
        } finally {
            coordinator.shutdownNow();
        }
    }

    @Test
    void givenAnIdleProcessorWithAxonsClaimTimingsWhenItLooksForEventsAndSegmentsThenNoneOfItsWaitsIsTheRecognisedWait() {
        RecordingExecutor coordinator = new RecordingExecutor();
        try (InMemoryAxon axon = new InMemoryAxon(builder -> builder.initialSegmentCount(2).coordinatorExecutor(name -> coordinator))) {
            axon.processor.start();
            axon.append(10);
            await().atMost(Duration.ofSeconds(20)).until(() -> axon.recorder.handled.size() == 10);
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);

            assertThat(coordinator.waits).isNotEmpty().doesNotContain(CoordinatorExecutor.AXON_FULL_QUEUE_WAIT);
        } finally {
            coordinator.shutdownNow();
        }
    }

    @Test
    void givenTheWaitAxonAsksForWhenAQueueIsFullWhenScheduledOnTheCoordinatorExecutorThenItIsShortenedAndOtherWaitsAreNot() {
        CoordinatorExecutor executor = new CoordinatorExecutor(InMemoryAxon.PROCESSOR);
        try {
            ScheduledFuture<?> full = executor.schedule(() -> { }, CoordinatorExecutor.AXON_FULL_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            ScheduledFuture<?> other = executor.schedule(() -> { }, 500, TimeUnit.MILLISECONDS);

            assertThat(full.getDelay(TimeUnit.NANOSECONDS)).isLessThanOrEqualTo(CoordinatorExecutor.FULL_QUEUE_WAIT.toNanos());
            assertThat(other.getDelay(TimeUnit.MILLISECONDS)).isGreaterThan(CoordinatorExecutor.AXON_FULL_QUEUE_WAIT.toMillis());
        } finally {
            executor.shutdownNow();
        }
    }
}
