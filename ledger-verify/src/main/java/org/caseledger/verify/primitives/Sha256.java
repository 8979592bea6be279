package org.caseledger.verify.primitives;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the lower-case hex form fingerprints are printed in. */
public final class Sha256 {

    public static final int LENGTH = 32;

    /** One digest per thread: finding SHA-256 among the providers costs more than hashing an event's fields with it. */
    private static final ThreadLocal<MessageDigest> REUSED = ThreadLocal.withInitial(Sha256::digest);

    private Sha256() {
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static byte[] of(byte[] bytes) {
        return REUSED.get().digest(bytes);
    }

    /** SHA-256 of the first {@code length} bytes. */
    public static byte[] of(byte[] bytes, int length) {
        MessageDigest digest = REUSED.get();
        digest.update(bytes, 0, length);
        return digest.digest();
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The bytes of lower- or upper-case hex text; an odd length or another character is an IllegalArgumentException. */
    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
