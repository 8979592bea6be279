package org.caseledger.api.integrity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.caseledger.api.operations.SampledFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How fresh the ledger's proof of itself is (docs/operations.md, "Metrics"): the time since the newest checkpoint was
 * sealed ({@code ledger.checkpoint.age}), how long the oldest event no checkpoint covers yet has waited
 * ({@code ledger.checkpoint.unsealed.age}, 0 when every event is sealed: the unsealed window of docs/integrity.md), and
 * per configured witness the time since it last cosigned ({@code ledger.witness.cosignature.age}). A quiet ledger seals
 * nothing new, so the first and the last grow while nothing is wrong; the unsealed age is the one to alert on, with the
 * witnesses' ages against it. Ages are counted from the instants last read, so they go on growing while the database is
 * out of reach (at least that long), and are NaN before anything was read or when there is nothing to count from.
 */
@Component
class IntegrityFigures implements SampledFigure {

    /** What was last read: the newest checkpoint's seal, the oldest unsealed event, each witness's newest cosignature. */
    private record Read(Instant lastCheckpoint, Instant oldestUnsealed, boolean known) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Instant> cosigned = new HashMap<>();
    private volatile Read read = new Read(null, null, false);

    IntegrityFigures(JdbcClient jdbc, Clock clock, MeterRegistry meters, IntegrityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("ledger.checkpoint.age", () -> age(read.lastCheckpoint())).baseUnit("seconds")
                .description("Time since the newest checkpoint was sealed").register(meters);
        Gauge.builder("ledger.checkpoint.unsealed.age", this::unsealedAge).baseUnit("seconds")
                .description("How long the oldest event no checkpoint covers yet has waited; 0 when every event is sealed")
                .register(meters);
        for (IntegrityProperties.Witness witness : properties.witnesses()) {
            String name = witness.verifierKey().name();
            Gauge.builder("ledger.witness.cosignature.age", cosignedAt(name)).tag("witness", name).baseUnit("seconds")
                    .description("Time since the witness last cosigned a checkpoint").register(meters);
        }
    }

    @Override
    public void sample() {
        Read now = jdbc.sql("""
                        SELECT (SELECT sealed_at FROM ledger_checkpoint ORDER BY number DESC LIMIT 1),
                               (SELECT time_stamp FROM domain_event_entry
                                WHERE global_index > coalesce((SELECT max(to_index) FROM ledger_checkpoint), 0)
                                ORDER BY global_index LIMIT 1)
                        """)
                .query((rs, row) -> new Read(instant(rs.getString(1)), instant(rs.getString(2)), true)).single();
        Map<String, Instant> witnesses = new HashMap<>();
        jdbc.sql("SELECT witness, max(received_at) FROM witness_cosignature GROUP BY witness")
                .query(rs -> {
                    witnesses.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        synchronized (cosigned) {
            cosigned.clear();
            cosigned.putAll(witnesses);
        }
        read = now;
    }

    /** The instants stay: the ages counted from them stay true lower bounds while nothing can be read. */
    @Override
    public void unknown() {
    }

    private double unsealedAge() {
        Read now = read;
        if (!now.known()) {
            return Double.NaN;
        }
        return now.oldestUnsealed() == null ? 0 : age(now.oldestUnsealed());
    }

    private Supplier<Number> cosignedAt(String witness) {
        return () -> {
            synchronized (cosigned) {
                return age(cosigned.get(witness));
            }
        };
    }

    private double age(Instant since) {
        return since == null ? Double.NaN : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
