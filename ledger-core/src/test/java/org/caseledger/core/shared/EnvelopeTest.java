package org.caseledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final Instant RECORDED_AT = Instant.parse("2025-09-01T10:00:00Z");

    @Test
    void aFactMayHaveHappenedLongBeforeItWasRecorded() {
        Envelope envelope = envelope(RECORDED_AT.minusSeconds(30 * 24 * 3600));

        assertThat(envelope.occurredAt()).isBefore(envelope.recordedAt());
    }

    @Test
    void clockSkewOfUpToFiveMinutesIsTolerated() {
        Envelope envelope = envelope(RECORDED_AT.plus(Envelope.ALLOWED_CLOCK_SKEW));

        assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2025-09-01T10:05:00Z"));
    }

    @Test
    void aFactMoreThanFiveMinutesAheadOfTheRecordingIsRejected() {
        assertThatThrownBy(() -> envelope(Instant.parse("2025-09-01T10:05:00.001Z")))
                .isInstanceOfSatisfying(LedgerRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(LedgerRule.OCCURRED_IN_FUTURE));
    }

    @Test
    void theIdempotencyKeyIsOptionalButTheCorrelationIsNot() {
        assertThat(envelope(RECORDED_AT).idempotencyKey()).isNull();
        assertThatThrownBy(() -> new Envelope(StaffId.of("sara.svensson"), Role.SOCIAL_SECRETARY, UnitId.of("vivalla"),
                RECORDED_AT, RECORDED_AT, " ", "cmd-1", null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("correlationId");
    }

    private static Envelope envelope(Instant occurredAt) {
        return new Envelope(StaffId.of("sara.svensson"), Role.SOCIAL_SECRETARY, UnitId.of("vivalla"), occurredAt, RECORDED_AT,
                "corr-1", "cmd-1", null);
    }
}
