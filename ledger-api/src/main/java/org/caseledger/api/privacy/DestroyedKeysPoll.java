package org.caseledger.api.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code ledger.privacy.destroyed-key-poll} (1 s), this node forgets for good the keys any node destroyed since
 * its last look, so that an erasure on another node shows here within about that long, not the key cache time. The
 * read models cannot tell a node: they hold personal data sealed and each node opens it with the keys it holds.
 */
@Component
class DestroyedKeysPoll {

    /**
     * How far each look reaches back before the one before: a destruction is stamped when it runs and becomes visible
     * when its transaction commits, a moment later. Anything slower is still bounded by the key cache time.
     */
    private static final Duration OVERLAP = Duration.ofMinutes(1);

    private final DataKeys keys;
    private final Clock clock;
    private Instant lastLook;

    DestroyedKeysPoll(DataKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ledger.privacy.destroyed-key-poll:PT1S}")
    synchronized void look() {
        Instant now = clock.instant();
        keys.forgetDestroyedSince((lastLook == null ? now : lastLook).minus(OVERLAP));
        lastLook = now;
    }
}
