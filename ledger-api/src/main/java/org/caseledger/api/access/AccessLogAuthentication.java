package org.caseledger.api.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.caseledger.api.integrity.SigningKey;
import org.caseledger.core.integrity.HmacSha256;
import org.caseledger.verify.primitives.Sha256;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The authenticator of an access-log entry of format 2: HMAC-SHA256, with a key derived from the signing key (HKDF
 * info {@code case-ledger/access-log-authenticator/1}) that the database never holds, over
 * {@code case-ledger/access-log-authenticator/1\nentry-hash=<hex>\n}. An entry rewritten with its hashes recomputed,
 * or inserted by anyone but the ledger, lacks a valid one.
 */
@Component
public class AccessLogAuthentication {

    private final byte[] key;

    @Autowired
    AccessLogAuthentication(SigningKey signingKey) {
        this(signingKey.derivedKey("access-log-authenticator/1"));
    }

    AccessLogAuthentication(byte[] key) {
        this.key = key.clone();
    }

    byte[] of(byte[] entryHash) {
        return HmacSha256.of(key, ("case-ledger/access-log-authenticator/1\nentry-hash=" + Sha256.hex(entryHash) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Compared in constant time; {@code false} for a missing authenticator. */
    boolean matches(byte[] entryHash, byte[] authenticator) {
        return authenticator != null && MessageDigest.isEqual(of(entryHash), authenticator);
    }
}
