package org.caseledger.api.snapshots;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes snapshots, after and apart from the command that asked for one: a snapshot is then
 * taken in a transaction of its own, from committed events only, and a failure to take one can never fail or roll
 * back a command. When the thread is far behind, further requests are dropped: the next command past the threshold
 * asks again.
 */
final class SnapshotWriter implements AutoCloseable {

    private static final int WAITING_REQUESTS = 1_000;

    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(WAITING_REQUESTS), runnable -> {
                Thread writer = new Thread(runnable, "snapshot-writer");
                writer.setDaemon(true);
                return writer;
            }, new ThreadPoolExecutor.DiscardPolicy());

    Executor executor() {
        return thread;
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
