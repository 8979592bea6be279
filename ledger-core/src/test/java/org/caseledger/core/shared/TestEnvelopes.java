package org.caseledger.core.shared;

import java.time.Duration;
import java.time.Instant;

/** Envelopes for tests: a known actor per role, one unit, and a recording time derived from the business time. */
public final class TestEnvelopes {

    public static final UnitId UNIT = UnitId.of("vivalla");
    public static final StaffId SOCIAL_SECRETARY = StaffId.of("sara.svensson");
    public static final StaffId GROUP_LEADER = StaffId.of("goran.lind");
    public static final StaffId UNIT_HEAD = StaffId.of("ulla.berg");
    public static final StaffId ADMINISTRATOR = StaffId.of("adam.ek");
    public static final StaffId AUDITOR = StaffId.of("ivo.granskare");

    /** Recorded a little after it happened, so that tests notice if occurredAt and recordedAt are mixed up. */
    public static final Duration RECORDING_DELAY = Duration.ofMinutes(3);

    public static final String CORRELATION_ID = "corr-test";
    public static final String CAUSATION_ID = "cmd-test";

    private TestEnvelopes() {
    }

    /** A social secretary, the everyday actor of a case, recording something that happened at {@code occurredAt}. */
    public static Envelope at(Instant occurredAt) {
        return by(Role.SOCIAL_SECRETARY, occurredAt);
    }

    public static Envelope at(String occurredAt) {
        return at(Instant.parse(occurredAt));
    }

    public static Envelope by(Role role, Instant occurredAt) {
        return new Envelope(actorIn(role), role, UNIT, occurredAt, occurredAt.plus(RECORDING_DELAY), CORRELATION_ID,
                CAUSATION_ID, null);
    }

    public static Envelope by(Role role, String occurredAt) {
        return by(role, Instant.parse(occurredAt));
    }

    public static StaffId actorIn(Role role) {
        return switch (role) {
            case SOCIAL_SECRETARY -> SOCIAL_SECRETARY;
            case GROUP_LEADER -> GROUP_LEADER;
            case UNIT_HEAD -> UNIT_HEAD;
            case ADMINISTRATOR -> ADMINISTRATOR;
            case AUDITOR -> AUDITOR;
        };
    }
}
