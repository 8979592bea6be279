package org.caseledger.core.integrity;

import java.security.MessageDigest;
import org.caseledger.verify.event.CanonicalFields;

/**
 * The authenticator of a stored event: HMAC-SHA256, with a key only the application holds, over the canonical field
 * list with header {@code case-ledger/event-authenticator/1} and the one field {@code event-hash}. The event hash
 * covers the event's identity, content and link, so a row that anyone but the ledger inserted or rewrote lacks a
 * valid authenticator, however correctly its hashes were recomputed. The form is documented in
 * {@code docs/integrity.md}; change it only with a new header version.
 */
public final class EventAuthenticator {

    /** The purpose the key is derived for (HKDF info {@code case-ledger/} followed by this). */
    public static final String KEY_PURPOSE = "event-authenticator/1";

    private EventAuthenticator() {
    }

    public static byte[] of(byte[] key, byte[] eventHash) {
        return HmacSha256.of(key, new CanonicalFields("case-ledger/event-authenticator/1").hexField("event-hash", eventHash).bytes());
    }

    /** Compared in constant time; {@code false} for a missing authenticator. */
    public static boolean matches(byte[] key, byte[] eventHash, byte[] authenticator) {
        return authenticator != null && eventHash != null && MessageDigest.isEqual(of(key, eventHash), authenticator);
    }
}
