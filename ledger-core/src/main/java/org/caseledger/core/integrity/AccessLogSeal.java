package org.caseledger.core.integrity;

import org.caseledger.verify.primitives.Sha256;
import java.time.Instant;
import org.caseledger.verify.event.CanonicalFields;

/**
 * What a seal of the read-access log signs: the log's entry at {@code position} has {@code entryHash}, which by the
 * log's hash chain covers every entry up to it; chained to the previous seal. The signature is Ed25519 over
 * {@link #canonicalBytes()}, documented in {@code docs/privacy.md}.
 */
public record AccessLogSeal(long number, long position, byte[] entryHash, byte[] previousSealHash, Instant sealedAt, String keyId) {

    /** The previous seal hash of the first seal. */
    public static final byte[] GENESIS = new byte[Sha256.LENGTH];

    public byte[] canonicalBytes() {
        return new CanonicalFields("case-ledger/access-log-seal/1")
                .field("number", number)
                .field("position", position)
                .field("entry-hash", Sha256.hex(entryHash))
                .field("previous-seal-hash", Sha256.hex(previousSealHash))
                .field("sealed-at", sealedAt.toString())
                .field("key-id", keyId)
                .bytes();
    }

    public byte[] hash() {
        return Sha256.of(canonicalBytes());
    }
}
