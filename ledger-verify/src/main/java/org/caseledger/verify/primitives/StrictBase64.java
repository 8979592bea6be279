package org.caseledger.verify.primitives;

import java.util.Base64;
import java.util.Optional;

/**
 * The standard Base64 of RFC 4648 §4 in its one canonical form: padded, no line breaks, and no stray bits in the
 * last character. The JDK's decoder also accepts missing padding and non-zero trailing bits; two spellings of the same
 * bytes would let a signed text be altered without changing what it says, so only the canonical one is read.
 */
public final class StrictBase64 {

    private StrictBase64() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static Optional<byte[]> decode(String text) {
        if (text.isEmpty() || text.length() % 4 != 0) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return encode(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }
}
