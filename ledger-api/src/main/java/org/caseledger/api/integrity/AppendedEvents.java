package org.caseledger.api.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events this node appended that no checkpoint has sealed yet, kept in memory: the one witness of an unsealed
 * event that the database cannot remove. Until a checkpoint covers them, nothing outside the database knows they
 * exist, so a superuser could delete the newest events of a case without a trace. This node checks, at every poll of
 * the sealer, that each is still stored as appended; a missing or replaced one raises the integrity alarm.
 * <p>
 * What it cannot see: events appended by a node that has since stopped (its memory is gone), and events beyond the
 * bound below, which it forgets oldest first (logged). docs/integrity.md says what remains possible.
 */
@Component
class AppendedEvents {

    /** An event as this node appended it. */
    private record Key(String aggregateId, long sequenceNumber) {
    }

    /** Unsealed events remembered at most; at a few seconds to a seal this is far more than a node appends meanwhile. */
    static final int BOUND = 200_000;

    private final JdbcClient jdbc;
    private final Map<Key, byte[]> unsealed = new LinkedHashMap<>();

    AppendedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers the event once the transaction appending it commits; an append that rolls back is never remembered. */
    void appending(String aggregateId, long sequenceNumber, byte[] hash) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remember(new Key(aggregateId, sequenceNumber), hash);
            }
        });
    }

    private synchronized void remember(Key key, byte[] hash) {
        unsealed.put(key, hash);
        if (unsealed.size() > BOUND) {
            unsealed.remove(unsealed.keySet().iterator().next());
        }
    }

    /** The first of this node's unsealed events that is no longer stored as appended; forgets those now sealed. */
    Optional<VerificationReport.Problem> checkStillStored() {
        Map<Key, byte[]> remembered;
        synchronized (this) {
            if (unsealed.isEmpty()) {
                return Optional.empty();
            }
            remembered = new HashMap<>(unsealed);
        }
        List<String> aggregates = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        remembered.keySet().forEach(key -> {
            aggregates.add(key.aggregateId());
            sequences.add(key.sequenceNumber());
        });
        record Stored(Key key, long globalIndex, byte[] hash, boolean sealed) {
        }
        Map<Key, Stored> stored = new HashMap<>();
        jdbc.sql("""
                        SELECT e.aggregate_identifier, e.sequence_number, e.global_index, e.hash,
                               EXISTS (SELECT 1 FROM checkpoint_entry c WHERE c.global_index = e.global_index) AS sealed
                        FROM unnest(?::text[], ?::bigint[]) AS wanted (aggregate_identifier, sequence_number)
                        JOIN domain_event_entry e USING (aggregate_identifier, sequence_number)
                        """)
                .params(aggregates.toArray(String[]::new), sequences.toArray(Long[]::new))
                .query(rs -> {
                    Key key = new Key(rs.getString(1), rs.getLong(2));
                    stored.put(key, new Stored(key, rs.getLong(3), rs.getBytes(4), rs.getBoolean(5)));
                });
        Optional<VerificationReport.Problem> problem = Optional.empty();
        List<Key> sealed = new ArrayList<>();
        for (Map.Entry<Key, byte[]> appended : remembered.entrySet()) {
            Key key = appended.getKey();
            Stored now = stored.get(key);
            if (now == null) {
                problem = problem.or(() -> Optional.of(new VerificationReport.Problem(BreakKind.EVENT_MISSING, key.aggregateId(),
                        key.sequenceNumber(), null, null, "this node appended event " + key.sequenceNumber() + " of the stream; it is no "
                        + "longer stored, and no checkpoint had sealed it yet")));
            } else if (!Arrays.equals(now.hash(), appended.getValue())) {
                problem = problem.or(() -> Optional.of(new VerificationReport.Problem(BreakKind.EVENT_CHANGED, key.aggregateId(),
                        key.sequenceNumber(), now.globalIndex(), null, "the event this node appended at this place was replaced "
                        + "before any checkpoint sealed it")));
            } else if (now.sealed()) {
                sealed.add(key);
            }
        }
        synchronized (this) {
            sealed.forEach(unsealed::remove);
        }
        return problem;
    }
}
