package org.caseledger.api.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.caseledger.api.operations.OperationsProperties;
import org.caseledger.api.operations.SampledFigure;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far each read model is behind the event store: in events ({@code ledger.read.models.behind}) and as the age of
 * the oldest event it has not processed yet ({@code ledger.read.models.lag}, 0 when caught up). Health
 * {@code readModels}, part of readiness, is down while that age exceeds {@code ledger.operations.read-model-lag-limit}:
 * the lists and figures answered then show the office as it was more than that long ago. A rebuild is no lag: it is
 * asked for, and its answers say so themselves ({@link ProjectionAdmin#answer}). The read models are shared by every
 * node, so every node reads the same lag and is ready or not with the others (docs/operations.md, "Health and probes").
 */
@Component("readModels")
class ReadModelLag implements SampledFigure, HealthIndicator {

    /** One read model as last sampled. */
    private record Lag(long behind, Instant oldestUnprocessed, boolean replaying) {
    }

    private static final Lag UNKNOWN = new Lag(-1, null, false);

    private final ProjectionAdmin admin;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration limit;
    private final Map<String, Lag> lags = new ConcurrentHashMap<>();

    ReadModelLag(ProjectionAdmin admin, JdbcClient jdbc, MeterRegistry meters, Clock clock, OperationsProperties properties) {
        this.admin = admin;
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
        this.limit = properties.readModelLagLimit();
    }

    @Override
    public void sample() {
        for (ProjectionAdmin.Status status : admin.statuses()) {
            Instant oldest = status.position() >= status.head() ? null : jdbc.sql("""
                            SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1
                            """)
                    .param(status.position()).query(String.class).optional().map(Instant::parse).orElse(null);
            if (lags.put(status.name(), new Lag(Math.max(0, status.head() - status.position()), oldest, status.replaying())) == null) {
                register(status.name());
            }
        }
    }

    @Override
    public void unknown() {
        lags.replaceAll((name, lag) -> UNKNOWN);
    }

    private void register(String name) {
        Gauge.builder("ledger.read.models.behind", () -> {
                    Lag lag = lags.getOrDefault(name, UNKNOWN);
                    return lag == UNKNOWN ? Double.NaN : lag.behind();
                })
                .tag("processor", name).baseUnit("events")
                .description("Events stored that the read model has not processed yet")
                .register(meters);
        Gauge.builder("ledger.read.models.lag", () -> seconds(lags.getOrDefault(name, UNKNOWN)))
                .tag("processor", name).baseUnit("seconds")
                .description("Age of the oldest event the read model has not processed yet; 0 when it is caught up")
                .register(meters);
    }

    private double seconds(Lag lag) {
        if (lag == UNKNOWN) {
            return Double.NaN;
        }
        return lag.oldestUnprocessed() == null ? 0 : Math.max(0, Duration.between(lag.oldestUnprocessed(), clock.instant()).toMillis() / 1000.0);
    }

    @Override
    public Health health() {
        if (lags.isEmpty() || lags.containsValue(UNKNOWN)) {
            return Health.unknown().build();
        }
        for (Map.Entry<String, Lag> read : lags.entrySet()) {
            Lag lag = read.getValue();
            if (!lag.replaying() && seconds(lag) > limit.toSeconds()) {
                return Health.down().withDetail("processor", read.getKey()).withDetail("lagSeconds", Math.round(seconds(lag)))
                        .withDetail("limitSeconds", limit.toSeconds()).build();
            }
        }
        return Health.up().build();
    }
}
