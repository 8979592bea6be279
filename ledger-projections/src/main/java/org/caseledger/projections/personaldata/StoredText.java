package org.caseledger.projections.personaldata;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * A text as the ledger stores it encrypted: {@code pd1:<key id>:<base64url of nonce ‖ AES-256-GCM ciphertext>}, in an
 * event's personal field and in the access log's stated purpose. The associated data binds it to where it belongs
 * (an event type and field, or the access log), so that it cannot be moved elsewhere and still open.
 */
public record StoredText(UUID keyId, byte[] sealed) {

    public static final String PREFIX = "pd1:";

    public static StoredText seal(UUID keyId, SecretKey key, String plaintext, byte[] context) {
        return new StoredText(keyId, Aes.encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8), context));
    }

    public static boolean isStored(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static StoredText parse(String value) {
        String[] parts = value.substring(PREFIX.length()).split(":", 2);
        return new StoredText(UUID.fromString(parts[0]), Base64.getUrlDecoder().decode(parts[1]));
    }

    public String open(SecretKey key, byte[] context) {
        return new String(Aes.decrypt(key, sealed, context), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return PREFIX + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }
}
