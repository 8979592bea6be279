package org.caseledger.api.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;

/**
 * The data keys a node holds unwrapped, each for at most the key cache time after it was read (docs/privacy.md,
 * "Limits"): then it leaves memory, whether or not it is asked for again, so that neither an erasure on another node
 * nor a long-running node keeps it longer, and the memory held stays bounded by what was read within that time, not by
 * every person the node ever served. Timed by the ledger's clock.
 */
final class UnwrappedKeys {

    /** Far above what a node reads within a key cache time; a bound, so that no burst of reads can exhaust the heap. */
    static final long MOST_HELD = 200_000;

    private final Cache<UUID, Optional<SecretKey>> held;

    UnwrappedKeys(Duration keyCacheTime, Clock clock) {
        this.held = Caffeine.newBuilder()
                .expireAfterWrite(keyCacheTime)
                .maximumSize(MOST_HELD)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .scheduler(Scheduler.systemScheduler())
                .build();
    }

    /** The key (or its destruction, as an empty key) if it was read within the key cache time. */
    Optional<Optional<SecretKey>> get(UUID keyId) {
        return Optional.ofNullable(held.getIfPresent(keyId));
    }

    void put(UUID keyId, Optional<SecretKey> key) {
        held.put(keyId, key);
    }

    void forget(UUID keyId) {
        held.invalidate(keyId);
    }

    /** How many keys are held now, once those whose time is up have left. */
    long held() {
        held.cleanUp();
        return held.estimatedSize();
    }
}
