package org.caseledger.api.integrity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.caseledger.core.integrity.EventAuthenticator;
import org.springframework.stereotype.Component;

/**
 * Which stored events must carry an authenticator, and whether one does: with the key derived from the signing key
 * that was current when the event was appended (never stored; {@link LedgerKeys}). Events appended before
 * authenticators existed lie below the identity's first authenticated position.
 */
@Component
public class EventAuthentication {

    private final LedgerKeys keys;
    private final byte[] currentKey;
    private final Map<String, byte[]> derivedKeys = new ConcurrentHashMap<>();

    public EventAuthentication(LedgerKeys keys) {
        this.keys = keys;
        this.currentKey = eventKey(keys.current());
    }

    /**
     * The authenticator the appender stores with an event of this hash. The ledger's identity is recorded before the
     * first authenticated event, in the same transaction.
     */
    public byte[] authenticatorOf(byte[] eventHash) {
        keys.identity();
        return EventAuthenticator.of(currentKey, eventHash);
    }

    /** Whether the row at this global position, with this stored hash, was appended by the ledger. */
    public boolean isAuthentic(long globalIndex, byte[] storedHash, byte[] authenticator) {
        boolean appendedBeforeAuthenticators = globalIndex >= 1 && globalIndex < identity().authenticatedFrom();
        return appendedBeforeAuthenticators || EventAuthenticator.matches(eventKey(keys.forEvent(globalIndex)), storedHash, authenticator);
    }

    public LedgerKeys.Identity identity() {
        return keys.identity();
    }

    private byte[] eventKey(SigningKey key) {
        return derivedKeys.computeIfAbsent(key.keyId(), id -> key.derivedKey(EventAuthenticator.KEY_PURPOSE));
    }
}
