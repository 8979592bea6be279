package org.caseledger.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class UnwrappedKeysTest {

    private static final Duration KEY_CACHE_TIME = Duration.ofSeconds(30);
    private static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void givenAKeyReadWhenAskedForWithinTheKeyCacheTimeThenItIsAnsweredFromMemory() {
        UnwrappedKeys keys = new UnwrappedKeys(KEY_CACHE_TIME, clock);
        UUID keyId = UUID.randomUUID();
        keys.put(keyId, Optional.of(KEY));

        now = now.plus(KEY_CACHE_TIME).minusSeconds(1);

        assertThat(keys.get(keyId)).contains(Optional.of(KEY));
    }

    @Test
    void givenKeysReadOnceWhenTheKeyCacheTimeHasPassedThenNoneIsHeldEvenUnasked() {
        UnwrappedKeys keys = new UnwrappedKeys(KEY_CACHE_TIME, clock);
        for (int i = 0; i < 1_000; i++) {
            keys.put(UUID.randomUUID(), Optional.of(KEY));
        }
        assertThat(keys.held()).isEqualTo(1_000);

        now = now.plus(KEY_CACHE_TIME).plusSeconds(1);

        assertThat(keys.held()).isZero();
    }

    @Test
    void givenAKeyForgottenWhenAskedForThenItIsNotAnsweredFromMemory() {
        UnwrappedKeys keys = new UnwrappedKeys(KEY_CACHE_TIME, clock);
        UUID keyId = UUID.randomUUID();
        keys.put(keyId, Optional.of(KEY));

        keys.forget(keyId);

        assertThat(keys.get(keyId)).isEmpty();
    }
}
