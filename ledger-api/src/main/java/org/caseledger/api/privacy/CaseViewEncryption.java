package org.caseledger.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.caseledger.core.integrity.HmacSha256;
import org.caseledger.projections.caseview.ViewEncryption;
import org.springframework.stereotype.Component;

/**
 * A case view's document encrypted under its case file's data key: stored as {@code {"encrypted": "<base64 of nonce ‖
 * AES-256-GCM ciphertext>"}}, associated data {@code case-ledger case view <case id>}. The nonce is derived from the
 * document (the first 12 bytes of HMAC-SHA256 under a key derived from the data key), so that the same view is stored
 * as the same bytes and a rebuilt read model can be compared with the live one. A case file without a key (opened
 * before personal data was encrypted, or erased, whose view then holds nothing personal) is stored as it is.
 */
@Component
class CaseViewEncryption implements ViewEncryption {

    private static final String MEMBER = "encrypted";
    private static final byte[] NONCE_KEY = "case-ledger/case-view-nonce/1".getBytes(StandardCharsets.US_ASCII);

    private final DataKeys keys;
    private final ObjectMapper json = new ObjectMapper();

    CaseViewEncryption(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public String encrypt(UUID caseId, String document) {
        Optional<SecretKey> key = keys.existing(caseId);
        if (key.isEmpty()) {
            return document;
        }
        byte[] plaintext = document.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = Arrays.copyOf(HmacSha256.of(HmacSha256.of(key.get().getEncoded(), NONCE_KEY), plaintext), Aes.NONCE_BYTES);
        byte[] sealed = Aes.encrypt(key.get(), nonce, plaintext, context(caseId));
        return json.createObjectNode().put(MEMBER, Base64.getEncoder().encodeToString(sealed)).toString();
    }

    @Override
    public Optional<String> decrypt(UUID caseId, String stored) {
        JsonNode node;
        try {
            node = json.readTree(stored);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored case view is not JSON", e);
        }
        if (node.size() != 1 || !node.path(MEMBER).isTextual()) {
            return Optional.of(stored);
        }
        return keys.key(caseId).map(key -> new String(Aes.decrypt(key, Base64.getDecoder().decode(node.path(MEMBER).asText()),
                context(caseId)), StandardCharsets.UTF_8));
    }

    private static byte[] context(UUID caseId) {
        return ("case-ledger case view " + caseId).getBytes(StandardCharsets.UTF_8);
    }
}
