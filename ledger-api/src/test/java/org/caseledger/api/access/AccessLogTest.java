package org.caseledger.api.access;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/** Shutting the access log down while requests wait on it: each of them is answered, none waits forever. */
class AccessLogTest {

    private static final StaffUser STAFF = new StaffUser("maja.berg", null, StaffId.of("maja.berg"), Role.SOCIAL_SECRETARY,
            UnitId.of("vivalla"));

    /** No keys here: what the log seals is beside the point of these tests. */
    private static final StatedPurposes PLAIN = new StatedPurposes() {
        @Override
        public String seal(java.util.UUID caseId, java.util.UUID personId, String purpose) {
            return purpose;
        }

        @Override
        public String open(String stored) {
            return stored;
        }
    };

    @Test
    void aReadWaitingAtShutdownIsFailedNotLeftHanging() throws Exception {
        StalledDatabase database = new StalledDatabase();
        AccessLog log = new AccessLog(JdbcClient.create(new SimpleDriverDataSource()), database, new AccessLogAuthentication(new byte[32]), PLAIN, Clock.systemUTC(), new SimpleMeterRegistry());
        Request appending = Request.start(log);
        assertThat(database.appending.await(5, SECONDS)).isTrue();
        Request queued = Request.start(log);
        // a request thread parks only in join(), once its read is in the queue behind the stalled append
        await().atMost(5, SECONDS).until(() -> queued.thread.getState() == Thread.State.WAITING);

        log.destroy();

        assertThat(appending.failure.get(5, SECONDS)).isInstanceOf(CannotCreateTransactionException.class);
        assertThat(queued.failure.get(5, SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shut down before the read was logged");
    }

    @Test
    void aReadAfterShutdownIsRefusedAtOnce() throws Exception {
        AccessLog log = new AccessLog(JdbcClient.create(new SimpleDriverDataSource()), new StalledDatabase(), new AccessLogAuthentication(new byte[32]), PLAIN, Clock.systemUTC(), new SimpleMeterRegistry());

        log.destroy();

        assertThatThrownBy(() -> log.record(read())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the access log is shut down");
    }

    private static AccessLog.Read read() {
        CaseAccess target = new CaseAccess(CaseId.random(), "2026-0001", UnitId.of("vivalla"), null, false);
        return AccessLog.Read.ofCase(STAFF, target, "GET /api/v1/cases/{caseId}", null, null, AccessLog.Outcome.READ);
    }

    /** One request recording a read on a thread of its own, and how it ended: the exception it failed with. */
    private record Request(Thread thread, CompletableFuture<RuntimeException> failure) {

        static Request start(AccessLog log) {
            CompletableFuture<RuntimeException> failure = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    log.record(read());
                    failure.complete(null);
                } catch (RuntimeException e) {
                    failure.complete(e);
                }
            });
            thread.setDaemon(true);
            thread.start();
            return new Request(thread, failure);
        }
    }

    /** A database whose connection never comes: an append waits for it until the writer is interrupted. */
    private static final class StalledDatabase implements PlatformTransactionManager {

        final CountDownLatch appending = new CountDownLatch(1);

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            appending.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new CannotCreateTransactionException("no connection came before the writer was stopped");
        }

        @Override
        public void commit(TransactionStatus status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void rollback(TransactionStatus status) {
            throw new UnsupportedOperationException();
        }
    }
}
