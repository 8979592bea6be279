package org.caseledger.api.snapshots;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one thread that writes snapshots, after and apart from the command that asked for one: a snapshot is then
 * taken in a transaction of its own, from committed events only, and a failure to take one can never fail or roll
 * back a command. Every request handed over runs, even after a rollback: Axon asks for a case's snapshot only while
 * none is pending, and forgets the pending one only when its task runs, so a request dropped or never run would
 * stop the case being snapshotted until restart. The queue holds at most one request per case for the same reason.
 */
final class SnapshotWriter implements AutoCloseable {

    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread writer = new Thread(runnable, "snapshot-writer");
                writer.setDaemon(true);
                return writer;
            });

    /**
     * Axon asks for a snapshot when its unit of work commits. A request's commands run inside the request's own
     * transaction (ADR 0002), which is still open then: the request is handed to the thread when that transaction
     * has ended, so that the snapshot sees the request's events; after a rollback it reads the committed ones.
     */
    Executor executor() {
        return request -> {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
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
