package org.caseledger.api.integrity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Raised when the sealer finds, in what it is about to sign, something the ledger did not write: from then on this
 * node seals nothing until an operator acknowledges the alarm (and the sealer's next check finds nothing again). The
 * alarm shows in health as {@code INTEGRITY_ALARM} with its first problem, in the metric {@code ledger.integrity.alarm}
 * (1 while raised) and in an ERROR log line; verification reports it.
 */
@Component("integrity")
public class IntegrityAlarm implements HealthIndicator {

    /** The health status of a raised alarm: ordered above DOWN, answered with 200 so the node stays in service. */
    public static final Status ALARM = new Status("INTEGRITY_ALARM", "the sealer refused to sign what it found");

    private static final Logger log = LoggerFactory.getLogger(IntegrityAlarm.class);

    /** The first problem found, and when. */
    public record Raised(VerificationReport.Problem problem, Instant at) {
    }

    private final Clock clock;
    private volatile Raised raised;

    IntegrityAlarm(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        Gauge.builder("ledger.integrity.alarm", this, alarm -> alarm.raised == null ? 0 : 1)
                .description("1 while the sealer refuses to sign because it found rows the ledger did not write")
                .register(meters);
    }

    /** Raises the alarm with its first problem; a raised alarm keeps the problem that raised it. */
    public synchronized void raise(VerificationReport.Problem problem) {
        if (raised == null) {
            raised = new Raised(problem, clock.instant());
            log.error("INTEGRITY ALARM: the sealer refuses to sign: {} at aggregate {}, sequence number {}, global index {}, "
                            + "checkpoint {}: {}", problem.kind(), problem.aggregateId(), problem.sequenceNumber(), problem.globalIndex(),
                    problem.checkpoint(), problem.detail());
        }
    }

    public Optional<Raised> current() {
        return Optional.ofNullable(raised);
    }

    /** An operator has looked into the alarm: the sealer checks again, and raises it again if the problem is still there. */
    public synchronized Optional<Raised> acknowledge(String by) {
        Raised was = raised;
        if (was != null) {
            log.warn("The integrity alarm ({} at global index {}) was acknowledged by {}", was.problem().kind(),
                    was.problem().globalIndex(), by);
        }
        raised = null;
        return Optional.ofNullable(was);
    }

    @Override
    public Health health() {
        Raised now = raised;
        if (now == null) {
            return Health.up().build();
        }
        return Health.status(ALARM).withDetail("kind", now.problem().kind()).withDetail("globalIndex", String.valueOf(now.problem().globalIndex()))
                .withDetail("since", now.at().toString()).build();
    }
}
