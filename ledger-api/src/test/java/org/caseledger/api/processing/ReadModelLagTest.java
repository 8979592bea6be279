package org.caseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.caseledger.api.operations.OperationsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Readiness and the read models: not ready while they are far behind, unless they are being rebuilt. */
class ReadModelLagTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final ProjectionAdmin admin = mock(ProjectionAdmin.class);
    private final JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ReadModelLag lag = new ReadModelLag(admin, jdbc, meters, Clock.fixed(NOW, ZoneOffset.UTC),
            new OperationsProperties(Duration.ofSeconds(5), Duration.ofMinutes(5)));

    @Test
    void givenReadModelsCaughtUpThenTheyAreReadyAndLagNothing() {
        readModelsAt(120, 120, false, null);

        lag.sample();

        assertThat(lag.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("ledger.read.models.lag").tag("processor", "read-models").gauge().value()).isZero();
        assertThat(meters.get("ledger.read.models.behind").tag("processor", "read-models").gauge().value()).isZero();
    }

    @Test
    void givenReadModelsWhoseOldestUnprocessedEventIsOlderThanTheLimitThenTheyAreNotReady() {
        readModelsAt(100, 120, false, NOW.minus(Duration.ofMinutes(6)));

        lag.sample();

        assertThat(lag.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(meters.get("ledger.read.models.lag").tag("processor", "read-models").gauge().value()).isEqualTo(360.0);
        assertThat(meters.get("ledger.read.models.behind").tag("processor", "read-models").gauge().value()).isEqualTo(20.0);
    }

    @Test
    void givenReadModelsBehindByLessThanTheLimitThenTheyAreReady() {
        readModelsAt(100, 120, false, NOW.minus(Duration.ofMinutes(4)));

        lag.sample();

        assertThat(lag.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void givenARebuildFarBehindThenTheReadModelsAreReadyForTheirAnswersSaySo() {
        readModelsAt(100, 120, true, NOW.minus(Duration.ofHours(6)));

        lag.sample();

        assertThat(lag.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void givenASampleThatFailedThenTheLagIsUnknownNotZero() {
        readModelsAt(120, 120, false, null);
        lag.sample();

        lag.unknown();

        assertThat(lag.health().getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(meters.get("ledger.read.models.lag").tag("processor", "read-models").gauge().value()).isNaN();
    }

    private void readModelsAt(long position, long head, boolean replaying, Instant oldestUnprocessed) {
        when(admin.statuses()).thenReturn(List.of(new ProjectionAdmin.Status("read-models", true, replaying, position, head,
                (double) position / head, null, "node", List.of())));
        when(jdbc.sql(anyString()).param(anyLong()).query(String.class).optional())
                .thenReturn(Optional.ofNullable(oldestUnprocessed).map(Instant::toString));
    }
}
