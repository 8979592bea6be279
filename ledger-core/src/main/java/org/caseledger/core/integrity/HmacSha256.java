package org.caseledger.core.integrity;

import org.caseledger.verify.primitives.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 (RFC 2104), and HKDF-SHA256 (RFC 5869) for a key of 256 bits derived from a secret for one purpose. */
public final class HmacSha256 {

    /**
     * One instance per thread, given its key on every use: choosing a provider for a new instance costs more than the
     * authenticator of an event, which verification computes for every event of the ledger.
     */
    private static final ThreadLocal<Mac> REUSED = ThreadLocal.withInitial(HmacSha256::newMac);

    private HmacSha256() {
    }

    public static byte[] of(byte[] key, byte[] message) {
        Mac mac = REUSED.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
        return mac.doFinal(message);
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
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
