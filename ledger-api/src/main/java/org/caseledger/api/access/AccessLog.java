package org.caseledger.api.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.integrity.ChainedRecordHash;
import org.caseledger.verify.primitives.Sha256;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the read-access log. Entries are chained one after the other under a transaction-scoped advisory
 * lock, in a transaction of their own: a read is logged even when the request that made it fails afterwards,
 * and the log never waits for, or rolls back with, a command's transaction.
 * <p>
 * The chain makes every append wait for the one before to commit, so one writer thread appends what the requests
 * of the moment have read, in one transaction (a group commit): a request still returns only once its read is
 * durable, but the reads of many requests share one lock and one flush to disk instead of queueing for them one
 * by one.
 */
@Component
public class AccessLog implements DisposableBean {

    /** The header in which a reader may state why they read; the log keeps it with the read. */
    public static final String PURPOSE_HEADER = "X-Purpose";

    /**
     * What became of an attempt: read, refused (by role, unit, assignment or protection), not found (an id that
     * names no case or person: guessing leaves a trace too), a failed sign-in, or a sign-in refused while the
     * account or address is locked.
     */
    public enum Outcome { READ, REFUSED, NOT_FOUND, SIGN_IN_FAILED, SIGN_IN_LOCKED }

    /**
     * Who asked: a signed-in member of staff, or at sign-in only the name tried; and the network address the request
     * came from (the proxy's client address where the ledger trusts forwarded headers).
     */
    public record Reader(String staffId, String role, String unit, String address) {

        /** The member of staff behind the current request, from the address of that request. */
        public static Reader of(StaffUser staff) {
            return new Reader(staff.staffId().value(), staff.role().name(), staff.unit().value(), currentAddress());
        }

        /** Someone who tried to sign in with this name; the name may be anything typed, so it is clipped. */
        public static Reader signingIn(String nameTried, String address) {
            return new Reader(clip(nameTried == null ? "" : nameTried, 64), null, null, address);
        }
    }

    /**
     * What a read touched, as the reader saw it.
     *
     * @param unit              the unit holding what was touched; for a person in several units' files, the
     *                          reader's own unit when it is one of them, else the first other one
     * @param assigned          the reader is the assigned case worker of the case (of one of the person's cases)
     * @param protectedIdentity the case or person concerned a person with a protected identity
     */
    public record Touched(UUID caseId, UUID personId, String unit, boolean assigned, boolean protectedIdentity) {

        public static final Touched NOTHING = new Touched(null, null, null, false, false);

        public static Touched of(StaffUser staff, CaseAccess target) {
            return new Touched(target.caseId().value(), null, target.unit().value(), staff.staffId().equals(target.assignee()),
                    target.protectedIdentity());
        }

        public static Touched of(StaffUser staff, PersonAccess person) {
            return new Touched(null, person.personId().value(), person.unitSeenBy(staff), person.isAssignedTo(staff),
                    person.protectedIdentity());
        }

        /** An id that named nothing, as it was asked for. */
        public static Touched missingCase(UUID caseId) {
            return new Touched(caseId, null, null, false, false);
        }

        public static Touched missingPerson(UUID personId) {
            return new Touched(null, personId, null, false, false);
        }
    }

    /** One read, or one refused or failed attempt. */
    public record Read(Reader reader, Touched touched, String what, String detail, String purpose, Outcome outcome) {

        public static Read ofCase(StaffUser staff, CaseAccess target, String what, String detail, String purpose, Outcome outcome) {
            return new Read(Reader.of(staff), Touched.of(staff, target), what, detail, purpose, outcome);
        }

        public static Read ofPerson(StaffUser staff, PersonAccess person, String what, String detail, String purpose, Outcome outcome) {
            return new Read(Reader.of(staff), Touched.of(staff, person), what, detail, purpose, outcome);
        }

        /** A request that touched no single case or person: a list, a refused unit, a query of this log. */
        public static Read ofRequest(StaffUser staff, String what, String detail, String purpose, Outcome outcome) {
            return new Read(Reader.of(staff), Touched.NOTHING, what, detail, purpose, outcome);
        }
    }

    /** The newest entry of the chain: where the next one goes and what it links to. */
    private record Tail(long position, byte[] hash) {
    }

    /** Reads of one request, waiting for the writer, and the request waiting for them to be durable. */
    private record Pending(List<Read> reads, Instant at, CompletableFuture<Void> written) {
    }

    /** The hash form of entries written before addresses were logged, kept to verify them. */
    static final String KIND_V1 = "case-ledger access-log entry v1";
    /** The hash form of entries written now: the fields of v1 and the address. */
    static final String KIND_V2 = "case-ledger access-log entry v2";
    static final int FORMAT = 2;
    static final byte[] GENESIS = new byte[Sha256.LENGTH];
    private static final long CHAIN_LOCK = 0x4c6f67676b6f6e74L;
    /** Bounds one transaction of the writer; the reads of a single request are never split. */
    private static final int ENTRIES_PER_TRANSACTION = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final AccessLogAuthentication authentication;
    private final StatedPurposes purposes;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Timer writes;
    private volatile boolean stopped;

    AccessLog(JdbcClient jdbc, PlatformTransactionManager transactions, AccessLogAuthentication authentication, StatedPurposes purposes,
              Clock clock, MeterRegistry meters) {
        this.authentication = authentication;
        this.purposes = purposes;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        // What a request waits for its reads to be logged: the queue, the group commit and the flush to disk.
        this.writes = Timer.builder("ledger.access.log.write")
                .description("Time a request waits until the reads it made are durable in the access log")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1))
                .register(meters);
        this.writer = new Thread(this::writeUntilStopped, "access-log-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public void record(Read read) {
        record(List.of(read));
    }

    /** Appends the reads and returns once they are durable; a failure to append fails the caller. */
    public void record(List<Read> reads) {
        if (reads.isEmpty()) {
            return;
        }
        if (stopped) {
            throw new IllegalStateException("the access log is shut down: no read can be logged");
        }
        Pending pending = new Pending(reads.stream().map(this::withPurposeSealed).toList(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                new CompletableFuture<>());
        queue.add(pending);
        if (stopped && queue.remove(pending)) {
            // destroy() may have drained the queue for the last time before this read was added
            throw new IllegalStateException("the access log is shut down: no read can be logged");
        }
        long began = System.nanoTime();
        try {
            pending.written().join();
            writes.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The stated purpose is stored encrypted (see {@link StatedPurposes}); the entry's hash covers the ciphertext. */
    private Read withPurposeSealed(Read read) {
        return new Read(read.reader(), read.touched(), read.what(), read.detail(),
                purposes.seal(read.touched().caseId(), read.touched().personId(), clip(read.purpose(), 500)), read.outcome());
    }

    /**
     * Stops the writer and fails every read it left in the queue. The writer finishes the batch it holds; a read
     * queued after this drain sees {@code stopped} and takes itself back, so no request waits forever.
     */
    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        writer.interrupt();
        writer.join(5_000);
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            pending.written().completeExceptionally(new IllegalStateException("the access log shut down before the read was logged"));
        }
    }

    private void writeUntilStopped() {
        while (!stopped) {
            List<Pending> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            int entries = batch.get(0).reads().size();
            for (Pending next = queue.peek(); next != null && entries + next.reads().size() <= ENTRIES_PER_TRANSACTION; next = queue.peek()) {
                batch.add(queue.poll());
                entries += next.reads().size();
            }
            try {
                append(batch);
                batch.forEach(pending -> pending.written().complete(null));
            } catch (CannotCreateTransactionException | DataAccessResourceFailureException | TransientDataAccessException e) {
                // the database is out of reach: every read fails alike, and at once
                batch.forEach(pending -> pending.written().completeExceptionally(e));
            } catch (RuntimeException | Error e) {
                appendEachOnItsOwn(batch);
            }
        }
    }

    /** After a failed group, each request's reads are tried alone, so that one bad read fails only its own request. */
    private void appendEachOnItsOwn(List<Pending> batch) {
        for (Pending pending : batch) {
            try {
                append(List.of(pending));
                pending.written().complete(null);
            } catch (RuntimeException | Error e) {
                pending.written().completeExceptionally(e);
            }
        }
    }

    private void append(List<Pending> batch) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, row) -> 1).list();
            Tail tail = jdbc.sql("SELECT position, hash FROM access_log ORDER BY position DESC LIMIT 1")
                    .query((rs, row) -> new Tail(rs.getLong(1), rs.getBytes(2)))
                    .optional().orElse(new Tail(0, GENESIS));
            long position = tail.position();
            byte[] previous = tail.hash();
            for (Pending pending : batch) {
                for (Read read : pending.reads()) {
                    position++;
                    AccessLogEntry entry = entry(position, pending.at(), read, previous);
                    insert(entry);
                    previous = Sha256.fromHex(entry.hash());
                }
            }
        });
    }

    private static AccessLogEntry entry(long position, Instant at, Read read, byte[] previous) {
        Reader reader = read.reader();
        Touched touched = read.touched();
        AccessLogEntry unhashed = new AccessLogEntry(position, FORMAT, at, reader.staffId(), reader.role(), reader.unit(),
                clip(reader.address(), 64), touched.caseId(), touched.personId(), clip(read.what(), 200), clip(read.detail(), 500),
                read.purpose(), read.outcome().name(), touched.unit(), touched.assigned(), touched.protectedIdentity(),
                Sha256.hex(previous), null);
        return unhashed.withHash(hash(unhashed, previous));
    }

    /** The entry's hash in the form of its format: format 1 entries were written before the address was logged. */
    static String hash(AccessLogEntry entry, byte[] previous) {
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        fields.put("position", Long.toString(entry.position()));
        fields.put("readAt", entry.readAt().toString());
        fields.put("staffId", entry.staffId());
        fields.put("role", entry.role());
        fields.put("unit", entry.unit());
        fields.put("caseId", entry.caseId() == null ? null : entry.caseId().toString());
        fields.put("personId", entry.personId() == null ? null : entry.personId().toString());
        fields.put("what", entry.what());
        fields.put("detail", entry.detail());
        fields.put("purpose", entry.purpose());
        fields.put("outcome", entry.outcome());
        fields.put("caseUnit", entry.caseUnit());
        fields.put("assigned", Boolean.toString(entry.assigned()));
        fields.put("protected", Boolean.toString(entry.protectedIdentity()));
        if (entry.format() == 1) {
            return Sha256.hex(ChainedRecordHash.of(KIND_V1, previous, fields));
        }
        fields.put("address", entry.address());
        return Sha256.hex(ChainedRecordHash.of(KIND_V2, previous, fields));
    }

    private void insert(AccessLogEntry entry) {
        jdbc.sql("""
                INSERT INTO access_log (position, format, read_at, staff_id, role, unit, address, case_id, person_id, what, detail,
                                        purpose, outcome, case_unit, assigned, protected, previous_hash, hash, authenticator)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(entry.position(), entry.format(), Timestamp.from(entry.readAt()), entry.staffId(), entry.role(), entry.unit(),
                        entry.address(), entry.caseId(),
                        entry.personId(), entry.what(), entry.detail(), entry.purpose(), entry.outcome(), entry.caseUnit(),
                        entry.assigned(), entry.protectedIdentity(), Sha256.fromHex(entry.previousHash()), Sha256.fromHex(entry.hash()),
                        authentication.of(Sha256.fromHex(entry.hash())))
                .update();
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    /** The method and path of the request this thread serves, as the log names a request that touched no one thing. */
    static String currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getMethod() + " " + request.getRequest().getRequestURI() : null;
    }

    /** The client address of the request this thread serves, if it serves one. */
    private static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }
}
