package org.caseledger.api.snapshots;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    /**
     * Axon asks for a snapshot when its unit of work commits. A request's commands run inside the request's own
     * transaction (ADR 0002), which is still open then: the request is handed to the thread when that transaction
     * commits, so that the snapshot sees the request's events, and never if it rolls back.
     */
    Executor executor() {
        return request -> {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        thread.execute(request);
                    }
                });
            } else {
                thread.execute(request);
            }
        };
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
