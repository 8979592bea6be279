package org.caseledger.verify.tlog;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.caseledger.verify.primitives.Sha256;
import org.caseledger.verify.primitives.StrictBase64;

/** A SHA-256 value of the log: a leaf hash, a node hash or a root. Always exactly 32 bytes, never changed. */
public final class Hash {

    public static final int LENGTH = Sha256.LENGTH;

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Hash of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a hash has " + LENGTH + " bytes, not " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    public static Hash fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** The hash written in canonical Base64, or nothing if the text is not exactly that. */
    public static Optional<Hash> fromBase64(String base64) {
        return StrictBase64.decode(base64).filter(b -> b.length == LENGTH).map(Hash::new);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String base64() {
        return StrictBase64.encode(bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    void writeTo(MessageDigest digest) {
        digest.update(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash hash && MessageDigest.isEqual(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return base64();
    }
}
