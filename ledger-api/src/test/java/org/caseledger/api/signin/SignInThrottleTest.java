package org.caseledger.api.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic at its production numbers, on a clock the test moves. */
class SignInThrottleTest {

    private static final SignInProperties.Limit ACCOUNT = new SignInProperties.Limit(5, Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofMinutes(15));
    private static final SignInProperties.Limit ADDRESS = new SignInProperties.Limit(20, Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofMinutes(5));
    private static final String OFFICE = "192.0.2.10";

    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(new SignInProperties(ACCOUNT, ADDRESS, 10_000), clock);

    @Test
    void fiveFailuresLockTheAccountForThirtySecondsAndEachFurtherOneDoublesTheLockUpToFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("anna", OFFICE);
        }
        assertThat(throttle.lockFor("anna", "198.51.100.1")).as("four failures").isEmpty();

        List<Duration> locks = new ArrayList<>();
        for (int failure = 5; failure <= 12; failure++) {
            throttle.failed("anna", OFFICE);
            SignInThrottle.Lock lock = throttle.lockFor("anna", "198.51.100.1").orElseThrow();
            assertThat(lock.account()).isTrue();
            assertThat(lock.address()).as("another address is not locked").isFalse();
            locks.add(lock.remaining());
        }

        assertThat(locks).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(15).minusNanos(1));
        assertThat(throttle.lockFor("anna", "198.51.100.1")).isPresent();
        clock.advance(Duration.ofNanos(1));
        assertThat(throttle.lockFor("anna", "198.51.100.1")).as("the lock ends when it says").isEmpty();
    }

    @Test
    void aGuesserAtTheLimitGetsThirteenTriesAtANameInTheFirstHourAndFourAnHourAfter() {
        List<Integer> triesPerHour = new ArrayList<>();
        Instant start = clock.instant();
        for (int hour = 1; hour <= 4; hour++) {
            int tries = 0;
            Instant end = start.plus(Duration.ofHours(hour));
            while (clock.instant().isBefore(end)) {
                Optional<SignInThrottle.Lock> lock = throttle.lockFor("anna", null);
                if (lock.isPresent()) {
                    clock.advance(lock.get().remaining());
                } else {
                    throttle.failed("anna", null);
                    tries++;
                    clock.advance(Duration.ofSeconds(1));
                }
            }
            triesPerHour.add(tries);
        }

        assertThat(triesPerHour).containsExactly(13, 4, 4, 4);
    }

    @Test
    void oneFailureIsForgottenEveryFifteenMinutesSoOccasionalTypingErrorsNeverLock() {
        for (int quarter = 0; quarter < 8 * 4; quarter++) {
            throttle.failed("anna", OFFICE);
            clock.advance(Duration.ofMinutes(15));
        }

        assertThat(throttle.lockFor("anna", OFFICE)).isEmpty();
    }

    @Test
    void aRightPasswordClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("anna", OFFICE);
            if (i % 4 == 3) {
                throttle.succeeded("anna");
            }
        }
        assertThat(throttle.lockFor("anna", "198.51.100.1")).as("never five failures in a row").isEmpty();

        throttle.failed("anna", OFFICE);

        SignInThrottle.Lock lock = throttle.lockFor("lars", OFFICE).orElseThrow();
        assertThat(lock.address()).as("the twentieth failure from the office").isTrue();
        assertThat(lock.account()).isFalse();
        assertThat(lock.remaining()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anAddressLocksAfterTwentyFailuresOverAnyNamesAndASteadyTwelveAnHourNeverLockIt() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("guess-" + i, OFFICE);
        }
        assertThat(throttle.lockFor("someone-else", OFFICE)).isEmpty();
        throttle.failed("guess-19", OFFICE);
        assertThat(throttle.lockFor("someone-else", OFFICE)).isPresent();
        assertThat(throttle.lockFor("someone-else", "198.51.100.1")).as("elsewhere").isEmpty();

        throttle.unlockAddress(OFFICE);
        for (int i = 0; i < 12 * 24; i++) {
            throttle.failed("typist-" + i, OFFICE);
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(throttle.lockFor("someone-else", OFFICE)).as("a day of one typing error every five minutes").isEmpty();
    }

    @Test
    void whenAccountAndAddressAreBothLockedTheLaterEndIsTheOneToWaitFor() {
        for (int i = 0; i < 20; i++) {
            throttle.failed(i < 8 ? "anna" : "guess-" + i, OFFICE);
        }

        SignInThrottle.Lock lock = throttle.lockFor("anna", OFFICE).orElseThrow();

        assertThat(lock.account()).isTrue();
        assertThat(lock.address()).isTrue();
        assertThat(lock.remaining()).as("anna's eighth failure locked her for 4 minutes; the address for 30 s").isEqualTo(Duration.ofMinutes(4));
        assertThat(lock.describe()).startsWith("account and address locked until 2026-03-02T08:04:00Z");
    }

    @Test
    void namesAreCountedAsTheFormTrimsThemAndRegardlessOfCase() {
        for (String typed : List.of("anna", " anna", "ANNA ", "Anna", "aNNa")) {
            throttle.failed(typed, null);
        }

        assertThat(throttle.lockFor("anna", null)).isPresent();
        assertThat(throttle.locks()).extracting(SignInThrottle.Locked::account).containsExactly("anna");
    }

    @Test
    void theAdministratorSeesTheLocksAndReleasingOneForgetsItsFailures() {
        for (int i = 0; i < 20; i++) {
            throttle.failed(i < 6 ? "anna" : "guess-" + i, OFFICE);
        }

        assertThat(throttle.locks()).containsExactly(
                new SignInThrottle.Locked("anna", null, 6, clock.instant().plus(Duration.ofMinutes(1))),
                new SignInThrottle.Locked(null, OFFICE, 20, clock.instant().plus(Duration.ofSeconds(30))));
        assertThat(throttle.unlockAccount("ANNA")).isTrue();
        assertThat(throttle.unlockAddress(OFFICE)).isTrue();
        assertThat(throttle.unlockAccount("anna")).as("nothing left to release").isFalse();
        assertThat(throttle.locks()).isEmpty();

        throttle.failed("anna", OFFICE);
        assertThat(throttle.lockFor("anna", OFFICE)).as("counting starts again from nothing").isEmpty();
    }

    @Test
    void aFloodOfInventedNamesNeitherGrowsTheMemoryNorPushesOutALock() {
        FailureCounts names = new FailureCounts(ACCOUNT, 100);
        Instant now = clock.instant();
        for (int i = 0; i < 5; i++) {
            names.fail("anna", now);
        }

        for (int i = 0; i < 100_000; i++) {
            names.fail("invented-" + i, now);
        }

        assertThat(names.size()).isEqualTo(100);
        assertThat(names.lockedUntil("anna", now)).as("the lock survives").isNotNull();
        for (int i = 0; i < 5; i++) {
            names.fail("newest", now);
        }
        assertThat(names.lockedUntil("newest", now)).as("the name failing now is counted, not pushed out").isNotNull();
        assertThat(names.locked(now)).extracting(FailureCounts.State::key).containsExactlyInAnyOrder("anna", "newest");
    }

    @Test
    void keysWhoseFailuresAreAllForgottenAreDroppedAsNewOnesFail() {
        FailureCounts addresses = new FailureCounts(ADDRESS, 10_000);
        Instant now = clock.instant();
        for (int i = 0; i < 1_000; i++) {
            addresses.fail("198.51.100." + i, now);
        }

        Instant later = now.plus(Duration.ofMinutes(5));
        for (int i = 0; i < 1_000; i++) {
            addresses.fail("203.0.113." + i, later);
        }

        assertThat(addresses.size()).as("the first thousand, each with one failure forgotten, went as the next thousand came")
                .isEqualTo(1_000);
    }

    @Test
    void aLongNameCountsAsItsFirstCharactersAndLineBreaksNeverReachTheLog() {
        String padded = "x".repeat(64);
        for (int i = 0; i < 5; i++) {
            throttle.failed(padded + i, null);
        }

        assertThat(throttle.lockFor(padded + "anything", null)).isPresent();
        assertThat(SignInThrottle.printable("anna\r\n2026-03-02 WARN forged")).isEqualTo("anna??2026-03-02 WARN forged");
        assertThat(SignInThrottle.printable(padded + "more")).hasSize(65).endsWith("…");
    }

    /** A clock the test moves forward. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
