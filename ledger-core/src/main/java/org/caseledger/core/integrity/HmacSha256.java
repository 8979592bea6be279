package org.caseledger.core.integrity;

import org.caseledger.verify.primitives.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 (RFC 2104), and HKDF-SHA256 (RFC 5869) for a key of 256 bits derived from a secret for one purpose. */
public final class HmacSha256 {

    /**
     * One instance per thread, keyed again only when the key changes: choosing a provider for a new instance, and
     * keying it, cost more than the authenticator of an event, which verification computes for every event of the
     * ledger, nearly always with the same key.
     */
    private static final ThreadLocal<Keyed> REUSED = ThreadLocal.withInitial(Keyed::new);

    private HmacSha256() {
    }

    public static byte[] of(byte[] key, byte[] message) {
        return REUSED.get().withKey(key).doFinal(message);
    }

    /** A MAC and a copy of the key it holds (a caller may change its array afterwards). */
    private static final class Keyed {

        private final Mac mac;
        private byte[] key;

        Keyed() {
            try {
                mac = Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has HmacSHA256", e);
            }
        }

        Mac withKey(byte[] wanted) {
            if (key == null || !Arrays.equals(key, wanted)) {
                try {
                    mac.init(new SecretKeySpec(wanted, "HmacSHA256"));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("every Java runtime has HmacSHA256", e);
                }
                key = wanted.clone();
            }
            return mac;
        }
    }

    /**
     * HKDF-SHA256 with no salt and an output of one block (32 bytes): the extract step, then the first expand block.
     * A different {@code info} gives an unrelated key, so one secret can serve several purposes.
     */
    public static byte[] derive(byte[] secret, String info) {
        byte[] pseudoRandomKey = of(new byte[Sha256.LENGTH], secret);
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        byte[] firstBlock = new byte[infoBytes.length + 1];
        System.arraycopy(infoBytes, 0, firstBlock, 0, infoBytes.length);
        firstBlock[infoBytes.length] = 1;
        return of(pseudoRandomKey, firstBlock);
    }
}
