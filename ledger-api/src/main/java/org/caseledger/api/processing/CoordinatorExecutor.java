package org.caseledger.api.processing;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;

/**
 * The thread of the read models' coordinator, which reads the events and hands them to the segments' work packages.
 * Axon's pooled processor stops handing out events when a work package's queue holds 1,024 of them and looks again
 * only after a fixed 100 ms. In a rebuild the coordinator fills the queues in a few milliseconds and the work packages
 * empty them in a few tens, so the processor slept through most of it (a rebuild of 100,000 events waited 895 times,
 * 94 of its 150 s). Here that one wait is shortened; the coordinator's other waits (for new events, for segments to
 * claim, after an error) are longer and left as Axon sets them. A claim extension threshold of exactly 100 ms would
 * be shortened too, which only means looking more often.
 */
final class CoordinatorExecutor extends ScheduledThreadPoolExecutor {

    /** What Axon waits when a work package's queue is full. */
    static final Duration AXON_FULL_QUEUE_WAIT = Duration.ofMillis(100);
    /** What the read models wait instead: about the time a work package takes for a few hundred events. */
    static final Duration FULL_QUEUE_WAIT = Duration.ofMillis(5);

    CoordinatorExecutor(String processorName) {
        super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (unit.toNanos(delay) == AXON_FULL_QUEUE_WAIT.toNanos()) {
            return super.schedule(command, FULL_QUEUE_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        }
        return super.schedule(command, delay, unit);
    }
}
