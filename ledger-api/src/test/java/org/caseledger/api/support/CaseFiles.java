package org.caseledger.api.support;

import java.nio.charset.StandardCharsets;
import org.caseledger.verify.casefile.CaseFileVerifier;
import org.caseledger.verify.primitives.Ed25519;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading exported case files in tests: the body the file carries as a string, and the kit's verifier for the ledger's key. */
public final class CaseFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaseFiles() {
    }

    /** The body of a case file of format 2, as a tree. */
    public static JsonNode body(String file) {
        return JSON.readTree(JSON.readTree(file).path("body").asString());
    }

    public static JsonNode body(byte[] file) {
        return body(new String(file, StandardCharsets.UTF_8));
    }

    /** The kit's verifier trusting the ledger's public key as GET /api/v1/audit/public-key serves it. */
    public static CaseFileVerifier verifier(String publicKeyPem) {
        return CaseFileVerifier.withPublicKey(Ed25519.publicKeyFromPem(publicKeyPem)
                .orElseThrow(() -> new AssertionError("not an Ed25519 public key: " + publicKeyPem)));
    }
}
