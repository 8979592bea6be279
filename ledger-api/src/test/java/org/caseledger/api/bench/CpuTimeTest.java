package org.caseledger.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

    private static final long TICK = CpuTime.NANOS_PER_TICK;

    @Test
    void givenABackendPresentAtBothReadingsWhenTheTimeBetweenIsTakenThenOnlyItsGrowthCounts() {
        CpuTime used = CpuTime.between(reading(1_000, Map.of(7L, 100L)), reading(3_000, Map.of(7L, 130L)));

        assertThat(used).isEqualTo(new CpuTime(2_000, 30 * TICK, true));
    }

    @Test
    void givenABackendThatStartedBetweenTheReadingsWhenTheTimeBetweenIsTakenThenAllOfItsTimeCounts() {
        CpuTime used = CpuTime.between(reading(0, Map.of(7L, 100L)), reading(0, Map.of(7L, 100L, 8L, 5L)));

        assertThat(used.postgresNanos()).isEqualTo(5 * TICK);
    }

    @Test
    void givenABackendThatEndedBetweenTheReadingsWhenTheTimeBetweenIsTakenThenItsPastIsNotSubtracted() {
        CpuTime used = CpuTime.between(reading(0, Map.of(7L, 100L, 8L, 500L)), reading(0, Map.of(7L, 110L)));

        assertThat(used.postgresNanos()).isEqualTo(10 * TICK);
    }

    @Test
    void givenAReadingWithoutPostgreSQLWhenTheTimeBetweenIsTakenThenPostgreSQLsShareIsUnknown() {
        CpuTime used = CpuTime.between(new CpuTime.Reading(0, Map.of(), false), reading(1_000, Map.of(7L, 1L)));

        assertThat(used.postgresKnown()).isFalse();
        assertThat(used.perOperation(1)).isEqualTo("1.0 µs JVM + unknown PostgreSQL");
    }

    @Test
    void givenTimesOfSeveralRunsWhenAddedAndDividedThenTheSplitIsPerOperation() {
        CpuTime total = new CpuTime(3_000_000, 1_000_000, true).plus(new CpuTime(1_000_000, 1_000_000, true));

        assertThat(total.microsPerOperation(1_000)).isEqualTo(6.0);
        assertThat(total.perOperation(1_000)).isEqualTo("4.0 µs JVM + 2.0 µs PostgreSQL");
    }

    @Test
    void givenAStatLineWhoseCommandNameHoldsSpacesAndParenthesesWhenReadThenUserAndSystemTicksAreAdded() {
        String stat = "2206 (postgres: a (b) c) S 2205 2206 2206 0 -1 4194624 2 0 0 0 41 17 3 4 20 0 1 0 1234 0 0";

        assertThat(ProcessorClock.ticksOf(stat)).isEqualTo(58);
    }

    private static CpuTime.Reading reading(long jvmNanos, Map<Long, Long> ticks) {
        return new CpuTime.Reading(jvmNanos, ticks, true);
    }
}
