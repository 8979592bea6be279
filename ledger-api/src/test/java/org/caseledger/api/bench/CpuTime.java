package org.caseledger.api.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Processor time used by this JVM and by the benchmark's PostgreSQL processes over a stretch of the run, the figure that
 * stays put on a noisy machine where a rate moves with whatever else runs. Which PostgreSQL processes count, and how
 * they are read, is {@link ProcessorClock}'s; where their times could not be read PostgreSQL's share is unknown and
 * says so.
 */
record CpuTime(long jvmNanos, long postgresNanos, boolean postgresKnown) {

    /** Linux reports process times in clock ticks of 1/100 s ({@code getconf CLK_TCK}) on every platform it runs on here. */
    static final long NANOS_PER_TICK = 10_000_000L;

    /** No time yet, to add runs' times to. */
    static final CpuTime NONE = new CpuTime(0, 0, true);

    /** The processor times of this JVM and of some PostgreSQL processes, by process id, at one moment. */
    record Reading(long jvmNanos, Map<Long, Long> postgresTicks, boolean postgresKnown) {

        Reading {
            postgresTicks = Map.copyOf(postgresTicks);
        }
    }

    /**
     * The time used from {@code earlier} to {@code later}. A process is counted by its own growth: one that started in
     * between counts whole, one that ended in between counts nothing (its last stretch is lost rather than its whole
     * past subtracted), so that a process coming or going never makes the sum wrong by more than its own share.
     */
    static CpuTime between(Reading earlier, Reading later) {
        long ticks = 0;
        for (Map.Entry<Long, Long> process : later.postgresTicks().entrySet()) {
            ticks += Math.max(0, process.getValue() - earlier.postgresTicks().getOrDefault(process.getKey(), 0L));
        }
        return new CpuTime(later.jvmNanos() - earlier.jvmNanos(), ticks * NANOS_PER_TICK,
                earlier.postgresKnown() && later.postgresKnown());
    }

    /** These times and {@code other}'s together. */
    CpuTime plus(CpuTime other) {
        return new CpuTime(jvmNanos + other.jvmNanos, postgresNanos + other.postgresNanos, postgresKnown && other.postgresKnown);
    }

    /** Microseconds of processor time per operation, the JVM's and PostgreSQL's together. */
    double microsPerOperation(long operations) {
        return (jvmNanos + postgresNanos) / 1e3 / operations;
    }

    /** Microseconds of processor time per operation, the JVM's and PostgreSQL's. */
    String perOperation(long operations) {
        return String.format(Locale.ROOT, "%.1f µs JVM + %s PostgreSQL", jvmNanos / 1e3 / operations,
                postgresKnown ? String.format(Locale.ROOT, "%.1f µs", postgresNanos / 1e3 / operations) : "unknown");
    }
}
