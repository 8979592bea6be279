package org.caseledger.api.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseledger.api.integrity.LogNotes;
import org.caseledger.api.integrity.VerificationReport;
import java.util.UUID;
import org.caseledger.verify.primitives.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What auditors ask of the read-access log: who read a case, what a person read, what looks unusual, and is it whole. */
@Component
public class AccessLogQuery {

    /** A filter; every part is optional. {@code before} continues a listing below a position, newest first. */
    public record Filter(UUID caseId, String staffId, Instant from, Instant to, Long before, int limit) {
    }

    /** A member of staff who read many cases in a short window. */
    public record Burst(String staffId, Instant windowStart, long casesRead) {
    }

    /**
     * The unusual reads of a period, for the person who reviews the log.
     *
     * @param refused           refusals by role, unit, assignment or protection
     * @param notFound          ids asked for that name no case or person: guessing
     * @param signIns           failed and locked-out sign-ins, with the name tried and the address
     * @param outsideUnit       reads of cases or persons held by another unit than the reader's
     * @param outsideAssignment a case worker's reads of cases or persons not assigned to them
     * @param protectedCases    every read of a case or person with a protected identity
     */
    public record Unusual(List<AccessLogEntry> refused, List<AccessLogEntry> notFound, List<AccessLogEntry> signIns,
                          List<AccessLogEntry> outsideUnit, List<AccessLogEntry> outsideAssignment, List<AccessLogEntry> protectedCases,
                          List<Burst> bursts, int burstThreshold, String burstWindow) {
    }

    /** Whether the log's chain is whole, and where it first breaks if not. */
    public record Verification(Status status, long entriesChecked, Long firstBrokenPosition, String problem) {

        /** The log's chain is whole, or it breaks at {@code firstBrokenPosition}. */
        public enum Status { INTACT, BROKEN }
    }

    static final String COLUMNS = "position, format, read_at, staff_id, role, unit, address, case_id, person_id, what, detail, purpose, outcome, "
            + "case_unit, assigned, protected, previous_hash, hash";
    static final int BURST_THRESHOLD = 30;

    private final JdbcClient jdbc;
    private final AccessLogAuthentication authentication;
    private final AccessLogSeals seals;
    private final StatedPurposes purposes;

    AccessLogQuery(JdbcClient jdbc, AccessLogAuthentication authentication, AccessLogSeals seals, StatedPurposes purposes) {
        this.jdbc = jdbc;
        this.purposes = purposes;
        this.authentication = authentication;
        this.seals = seals;
    }

    public List<AccessLogEntry> find(Filter filter) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM access_log WHERE (?::uuid IS NULL OR case_id = ?::uuid) "
                        + "AND (?::text IS NULL OR staff_id = ?::text) AND read_at >= ? AND read_at < ? "
                        + "AND (?::bigint IS NULL OR position < ?::bigint) ORDER BY position DESC LIMIT ?")
                .params(filter.caseId(), filter.caseId(), filter.staffId(), filter.staffId(), from(filter.from()), to(filter.to()),
                        filter.before(), filter.before(), filter.limit())
                .query((rs, row) -> opened(read(rs))).list();
    }

    public Unusual unusual(Instant from, Instant to, int limit) {
        String period = " AND read_at >= ? AND read_at < ? ORDER BY position DESC LIMIT ?";
        return new Unusual(
                select("outcome = 'REFUSED'" + period, from, to, limit),
                select("outcome = 'NOT_FOUND'" + period, from, to, limit),
                select("outcome IN ('SIGN_IN_FAILED', 'SIGN_IN_LOCKED')" + period, from, to, limit),
                select("outcome = 'READ' AND case_unit IS NOT NULL AND case_unit <> unit" + period, from, to, limit),
                select("outcome = 'READ' AND role = 'SOCIAL_SECRETARY' AND (case_id IS NOT NULL OR person_id IS NOT NULL) AND NOT assigned"
                        + period, from, to, limit),
                select("protected" + period, from, to, limit),
                jdbc.sql("""
                        SELECT staff_id, date_bin('10 minutes', read_at, TIMESTAMPTZ '2000-01-01') AS window_start,
                               count(DISTINCT case_id) AS cases_read
                        FROM access_log WHERE outcome = 'READ' AND case_id IS NOT NULL AND read_at >= ? AND read_at < ?
                        GROUP BY 1, 2 HAVING count(DISTINCT case_id) > ? ORDER BY 2 DESC, 1 LIMIT ?
                        """)
                        .params(from(from), to(to), BURST_THRESHOLD, limit)
                        .query((rs, row) -> new Burst(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3))).list(),
                BURST_THRESHOLD, "10 minutes");
    }

    /**
     * Recomputes every entry's hash and its link to the one before, from the first entry, checks every format 2 entry's
     * authenticator (and that no format 1 entry follows one), then every seal: signed by the ledger, chained, and the
     * entry at its position still the one it sealed.
     */
    public Verification verify() {
        Optional<VerificationReport.Problem> rolledBack = seals.rolledBack();
        if (rolledBack.isPresent()) {
            return new Verification(Verification.Status.BROKEN, 0, rolledBack.get().globalIndex(), rolledBack.get().detail());
        }
        List<AccessLogSeals.Stored> allSeals = jdbc.sql("SELECT number, position, entry_hash, previous_seal_hash, sealed_at, key_id, signature "
                + "FROM access_log_seal ORDER BY number").query(AccessLogSeals.Stored::read).list();
        Map<Long, byte[]> sealedPositions = new HashMap<>();
        allSeals.forEach(seal -> sealedPositions.put(seal.seal().position(), null));
        List<Verification> result = new ArrayList<>(1);
        long[] checked = {0};
        byte[][] previous = {AccessLog.GENESIS};
        boolean[] current = {false};
        jdbc.sql("SELECT " + COLUMNS + ", authenticator FROM access_log ORDER BY position").query(rs -> {
            if (!result.isEmpty()) {
                return;
            }
            AccessLogEntry entry = read(rs);
            checked[0]++;
            if (entry.position() != checked[0]) {
                result.add(broken(checked[0], entry.position(), "an entry is missing before position " + entry.position()));
            } else if (!Arrays.equals(Sha256.fromHex(entry.previousHash()), previous[0])) {
                result.add(broken(checked[0], entry.position(), "the entry does not link to the one before it"));
            } else if (!AccessLog.hash(entry, previous[0]).equals(entry.hash())) {
                result.add(broken(checked[0], entry.position(), "the entry's fields do not match its hash"));
            } else if (entry.format() == 1 ? current[0] : !authentication.matches(entry.position(), Sha256.fromHex(entry.hash()),
                    rs.getBytes("authenticator"))) {
                result.add(broken(checked[0], entry.position(), "the entry's authenticator is missing or wrong: the ledger did not write it"));
            }
            current[0] |= entry.format() != 1;
            previous[0] = Sha256.fromHex(entry.hash());
            if (sealedPositions.containsKey(entry.position())) {
                sealedPositions.put(entry.position(), previous[0]);
            }
        });
        if (!result.isEmpty()) {
            return result.get(0);
        }
        Optional<Verification> unwitnessed = checkNamedByCheckpoints(checked[0]);
        if (unwitnessed.isPresent()) {
            return unwitnessed.get();
        }
        byte[] previousSeal = org.caseledger.core.integrity.AccessLogSeal.GENESIS;
        for (AccessLogSeals.Stored seal : allSeals) {
            long position = seal.seal().position();
            if (!seals.signedByThisLedger(seal) || !Arrays.equals(seal.seal().previousSealHash(), previousSeal)) {
                return broken(checked[0], position, "seal " + seal.seal().number() + " was not signed by this ledger or does not follow the seal before it");
            }
            if (sealedPositions.get(position) == null) {
                return broken(checked[0], position, "seal " + seal.seal().number() + " covers entries up to position " + position
                        + ", but the log now ends at " + checked[0] + ": entries were removed");
            }
            if (!Arrays.equals(sealedPositions.get(position), seal.seal().entryHash())) {
                return broken(checked[0], position, "the entry at position " + position + " is not the one seal " + seal.seal().number()
                        + " sealed: the log was rewritten");
            }
            previousSeal = seal.seal().hash();
        }
        return new Verification(Verification.Status.INTACT, checked[0], null, null);
    }

    /**
     * Every checkpoint note names the log's head when it was sealed ({@code access-log <position> <hash>}); the notes are
     * signed and cosigned by witnesses, so the entry there must still be the one named.
     */
    private Optional<Verification> checkNamedByCheckpoints(long entries) {
        record Named(long checkpoint, long position, String hash) {
        }
        List<Named> named = new ArrayList<>();
        jdbc.sql("SELECT number, note FROM ledger_checkpoint WHERE note IS NOT NULL ORDER BY number").query(rs -> {
            for (String line : rs.getString(2).split("\n")) {
                if (line.startsWith(LogNotes.ACCESS_LOG_LINE)) {
                    String[] fields = line.split(" ");
                    named.add(new Named(rs.getLong(1), Long.parseLong(fields[1]), fields[2]));
                }
            }
        });
        Map<Long, byte[]> stored = new HashMap<>();
        jdbc.sql("SELECT position, hash FROM access_log WHERE position = ANY (?)")
                .param(named.stream().map(Named::position).distinct().toArray(Long[]::new))
                .query(rs -> {
                    stored.put(rs.getLong(1), rs.getBytes(2));
                });
        for (Named line : named) {
            byte[] hash = stored.get(line.position());
            if (hash == null || !Base64.getEncoder().encodeToString(hash).equals(line.hash())) {
                return Optional.of(broken(entries, line.position(), "checkpoint " + line.checkpoint() + " names the entry at position "
                        + line.position() + " as the log's head; " + (hash == null ? "it is no longer there: entries were removed"
                        : "the entry there now is another: the log was rewritten")));
            }
        }
        return Optional.empty();
    }

    private static Verification broken(long checked, long position, String problem) {
        return new Verification(Verification.Status.BROKEN, checked, position, problem);
    }

    private List<AccessLogEntry> select(String condition, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM access_log WHERE " + condition).params(from(from), to(to), limit)
                .query((rs, row) -> opened(read(rs))).list();
    }

    /** The entry as an auditor reads it: its stated purpose decrypted, or erased with its key. The stored one is hashed. */
    private AccessLogEntry opened(AccessLogEntry stored) {
        return stored.withPurpose(purposes.open(stored.purpose()));
    }

    private static Timestamp from(Instant from) {
        return Timestamp.from(from == null ? Instant.EPOCH : from);
    }

    private static Timestamp to(Instant to) {
        return Timestamp.from(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to);
    }

    static AccessLogEntry read(ResultSet rs) throws SQLException {
        return new AccessLogEntry(rs.getLong("position"), rs.getInt("format"), rs.getTimestamp("read_at").toInstant(),
                rs.getString("staff_id"), rs.getString("role"), rs.getString("unit"), rs.getString("address"), rs.getObject("case_id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("what"), rs.getString("detail"), rs.getString("purpose"), rs.getString("outcome"), rs.getString("case_unit"),
                rs.getBoolean("assigned"), rs.getBoolean("protected"), Sha256.hex(rs.getBytes("previous_hash")),
                Sha256.hex(rs.getBytes("hash")));
    }
}
