package org.caseledger.api.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caseledger.api.integrity.BreakKind;
import org.caseledger.api.integrity.CheckpointMemory;
import org.caseledger.api.integrity.LedgerKeys;
import org.caseledger.api.integrity.IntegrityAlarm;
import org.caseledger.api.integrity.VerificationReport;
import org.caseledger.core.integrity.AccessLogSeal;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.verify.primitives.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the read-access log's head, as the checkpoint sealer seals events: whenever entries were added since the last
 * seal, it checks them (each hash, its link, its authenticator) and that the last seal still holds and is the newest
 * this node remembers, then signs a seal of the new head. On any problem it signs nothing and raises the
 * {@link IntegrityAlarm}. The seals let verification find entries removed from the end and entries rewritten with
 * their hashes recomputed.
 */
@Component
public class AccessLogSeals {

    /** One seal as stored. */
    record Stored(AccessLogSeal seal, byte[] signature) {

        static Stored read(ResultSet rs, int row) throws SQLException {
            return new Stored(new AccessLogSeal(rs.getLong("number"), rs.getLong("position"), rs.getBytes("entry_hash"),
                    rs.getBytes("previous_seal_hash"), Instant.parse(rs.getString("sealed_at")), rs.getString("key_id")),
                    rs.getBytes("signature"));
        }
    }

    static final String LOG = "access-log";
    private static final String COLUMNS = "number, position, entry_hash, previous_seal_hash, sealed_at, key_id, signature";
    private static final long SEAL_LOCK = 0x4c6f677365616cL;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AccessLogAuthentication authentication;
    private final LedgerKeys keys;
    private final CheckpointMemory memory;
    private final IntegrityAlarm alarm;
    private final Clock clock;

    AccessLogSeals(JdbcClient jdbc, TransactionTemplate transaction, AccessLogAuthentication authentication, LedgerKeys keys,
                   CheckpointMemory memory, IntegrityAlarm alarm, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.authentication = authentication;
        this.keys = keys;
        this.memory = memory;
        this.alarm = alarm;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ledger.integrity.checkpoint-poll:PT5S}", initialDelayString = "${ledger.integrity.checkpoint-poll:PT5S}")
    void sealWhenDue() {
        if (alarm.current().isEmpty()) {
            sealNow();
        }
    }

    /** Seals the head if it moved; answers the new seal, or nothing (nothing new, or a problem, which raises the alarm). */
    public Optional<AccessLogSeal> sealNow() {
        UUID ledgerId = keys.identity().ledgerId();
        Optional<Stored> sealed = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(SEAL_LOCK).query((rs, row) -> 1).list();
            Optional<Stored> last = jdbc.sql("SELECT " + COLUMNS + " FROM access_log_seal ORDER BY number DESC LIMIT 1")
                    .query(Stored::read).optional();
            Optional<VerificationReport.Problem> problem = checkLast(ledgerId, last);
            long after = last.map(seal -> seal.seal().position()).orElse(0L);
            byte[] previousEntryHash = last.map(seal -> seal.seal().entryHash()).orElse(AccessLog.GENESIS);
            List<Row> added = jdbc.sql("SELECT " + AccessLogQuery.COLUMNS + ", authenticator FROM access_log WHERE position > ? ORDER BY position")
                    .param(after).query((rs, row) -> new Row(AccessLogQuery.read(rs), rs.getBytes("authenticator"))).list();
            if (problem.isEmpty()) {
                problem = checkAdded(after, previousEntryHash, added, last.isEmpty());
            }
            if (problem.isPresent()) {
                alarm.raise(problem.get());
                return Optional.empty();
            }
            if (added.isEmpty()) {
                return Optional.empty();
            }
            AccessLogEntry head = added.get(added.size() - 1).entry();
            AccessLogSeal seal = new AccessLogSeal(last.map(s -> s.seal().number() + 1).orElse(1L), head.position(),
                    Sha256.fromHex(head.hash()), last.map(s -> s.seal().hash()).orElse(AccessLogSeal.GENESIS), clock.instant(),
                    keys.current().keyId());
            byte[] signature = keys.current().sign(seal.canonicalBytes());
            jdbc.sql("INSERT INTO access_log_seal (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(seal.number(), seal.position(), seal.entryHash(), seal.previousSealHash(), seal.sealedAt().toString(),
                            seal.keyId(), signature)
                    .update();
            return Optional.of(new Stored(seal, signature));
        });
        sealed.ifPresent(stored -> memory.remember(ledgerId, LOG, stored.seal().number(), stored.seal().hash()));
        return sealed.map(Stored::seal);
    }

    /** Whether the newest seal is older than, or differs from, the newest this node remembers: seals were removed. */
    Optional<VerificationReport.Problem> rolledBack() {
        Optional<Stored> last = jdbc.sql("SELECT " + COLUMNS + " FROM access_log_seal ORDER BY number DESC LIMIT 1")
                .query(Stored::read).optional();
        return checkLast(keys.identity().ledgerId(), last);
    }

    /** An entry as stored with its authenticator. */
    private record Row(AccessLogEntry entry, byte[] authenticator) {
    }

    /** The last seal: signed by this ledger, not older than this node remembers, and its entry still as sealed. */
    private Optional<VerificationReport.Problem> checkLast(UUID ledgerId, Optional<Stored> last) {
        Optional<CheckpointMemory.Remembered> remembered = memory.of(ledgerId, LOG);
        if (last.isEmpty()) {
            return remembered.map(known -> problem(null, "the access log has no seal, but this node remembers seal " + known.number()));
        }
        Stored newest = last.get();
        if (!signedByThisLedger(newest)) {
            return Optional.of(problem(newest.seal().position(), "seal " + newest.seal().number() + " was not signed by this ledger's key"));
        }
        if (remembered.isPresent() && (newest.seal().number() < remembered.get().number()
                || newest.seal().number() == remembered.get().number() && !Arrays.equals(newest.seal().hash(), remembered.get().hash()))) {
            return Optional.of(problem(null, "the newest seal of the access log is " + newest.seal().number() + ", but this node "
                    + "remembers seal " + remembered.get().number() + ": seals were removed"));
        }
        byte[] stored = jdbc.sql("SELECT hash FROM access_log WHERE position = ?").param(newest.seal().position())
                .query((rs, row) -> rs.getBytes(1)).optional().orElse(null);
        if (!Arrays.equals(stored, newest.seal().entryHash())) {
            return Optional.of(problem(newest.seal().position(), stored == null
                    ? "the entry sealed at this position is no longer there: the log was cut short"
                    : "the entry at this position is not the one sealed: the log was rewritten"));
        }
        return Optional.empty();
    }

    /** Entries of format 1, written before authenticators, are taken only before the first seal and the first format 2 entry. */
    private Optional<VerificationReport.Problem> checkAdded(long after, byte[] previousEntryHash, List<Row> added, boolean firstSeal) {
        long expected = after + 1;
        byte[] previous = previousEntryHash;
        boolean legacyAllowed = firstSeal;
        for (Row row : added) {
            AccessLogEntry entry = row.entry();
            if (entry.position() != expected || !Arrays.equals(Sha256.fromHex(entry.previousHash()), previous)
                    || !AccessLog.hash(entry, previous).equals(entry.hash())) {
                return Optional.of(problem(entry.position(), "the entry does not follow the log as sealed"));
            }
            boolean legacy = entry.format() == 1 && legacyAllowed;
            legacyAllowed = legacy;
            if (!legacy && (entry.format() != AccessLog.FORMAT || !authentication.matches(entry.position(), Sha256.fromHex(entry.hash()), row.authenticator()))) {
                return Optional.of(problem(entry.position(), "the entry's authenticator is missing or wrong: the ledger did not write it"));
            }
            previous = Sha256.fromHex(entry.hash());
            expected++;
        }
        return Optional.empty();
    }

    boolean signedByThisLedger(Stored stored) {
        return keys.byKeyId(stored.seal().keyId())
                .filter(key -> Ed25519.verify(key.publicKey(), stored.seal().canonicalBytes(), stored.signature())).isPresent();
    }

    private static VerificationReport.Problem problem(Long position, String detail) {
        return new VerificationReport.Problem(BreakKind.ACCESS_LOG_CHANGED, null, null, position, null, "access log: " + detail);
    }
}
