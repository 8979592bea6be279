package org.caseledger.api.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.caseledger.api.integrity.LedgerKeys;
import org.caseledger.api.integrity.SigningKey;
import org.caseledger.core.integrity.HmacSha256;
import org.caseledger.verify.primitives.Sha256;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The authenticator of an access-log entry of format 2: HMAC-SHA256, with a key derived from the signing key (HKDF
 * info {@code case-ledger/access-log-authenticator/1}) that the database never holds, over
 * {@code case-ledger/access-log-authenticator/1\nentry-hash=<hex>\n}. An entry rewritten with its hashes recomputed,
 * or inserted by anyone but the ledger, lacks a valid one. An entry is checked with the key that was current at its
 * position ({@link LedgerKeys}).
 */
@Component
public class AccessLogAuthentication {

    private static final String PURPOSE = "access-log-authenticator/1";

    private final byte[] current;
    private final LongFunction<byte[]> keyAt;

    @Autowired
    AccessLogAuthentication(LedgerKeys keys) {
        Map<String, byte[]> derived = new ConcurrentHashMap<>();
        LongFunction<byte[]> keyAt = position -> {
            SigningKey key = keys.forAccessLogEntry(position);
            return derived.computeIfAbsent(key.keyId(), id -> key.derivedKey(PURPOSE));
        };
        this.current = keys.current().derivedKey(PURPOSE);
        this.keyAt = keyAt;
    }

    /** One key for every position. */
    AccessLogAuthentication(byte[] key) {
        this.current = key.clone();
        this.keyAt = position -> current;
    }

    /** The authenticator of a new entry, with the current key. */
    byte[] of(byte[] entryHash) {
        return of(current, entryHash);
    }

    /** Compared in constant time, with the key of the entry's position; {@code false} for a missing authenticator. */
    boolean matches(long position, byte[] entryHash, byte[] authenticator) {
        return authenticator != null && MessageDigest.isEqual(of(keyAt.apply(position), entryHash), authenticator);
    }

    private static byte[] of(byte[] key, byte[] entryHash) {
        return HmacSha256.of(key, ("case-ledger/access-log-authenticator/1\nentry-hash=" + Sha256.hex(entryHash) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
    }
}
