package org.caseledger.verify.casefile;

import org.caseledger.verify.json.JsonWriter;
import org.caseledger.verify.primitives.Sha256;
import org.caseledger.verify.primitives.StrictBase64;
import org.caseledger.verify.primitives.StrictUtf8;

/**
 * The outer form of a case file of format 2, and exactly what its signature covers. The file is the one JSON object
 * <pre>{"format":"case-ledger/case-file/2","keyId":"&lt;hex&gt;","body":"&lt;body&gt;","signature":"&lt;base64&gt;"}</pre>
 * with the members in this order, no whitespace, and strings written as {@link JsonWriter} writes them. The body is a
 * JSON text carried as a string; the signature is Ed25519 over the UTF-8 bytes of {@code case-ledger/case-file/2\n}
 * followed by the body string's value. Signing a string the verifier reads back exactly needs no canonical JSON; the
 * first line keeps a signature over a case file from being taken for any other thing the same key signs.
 */
public final class CaseFileFormat {

    public static final String FORMAT = "case-ledger/case-file/2";
    public static final String SIGNATURE_CONTEXT = FORMAT + "\n";
    /** Larger files are refused before they are read; a case of many thousands of events stays far below. */
    public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

    private CaseFileFormat() {
    }

    /** The bytes the ledger signs and the verifier checks the signature over. */
    public static byte[] signedBytes(String body) {
        return StrictUtf8.encode(SIGNATURE_CONTEXT + body);
    }

    /** The key id a file names: hex SHA-256 of the raw 32-byte Ed25519 public key, the key's fingerprint. */
    public static String keyId(byte[] publicKey) {
        return Sha256.hex(Sha256.of(publicKey));
    }

    /** The file in its one byte form. */
    public static byte[] write(String body, String keyId, byte[] signature) {
        return StrictUtf8.encode(text(body, keyId, StrictBase64.encode(signature)));
    }

    static String text(String body, String keyId, String signature) {
        return "{\"format\":" + JsonWriter.string(FORMAT) + ",\"keyId\":" + JsonWriter.string(keyId) + ",\"body\":"
                + JsonWriter.string(body) + ",\"signature\":" + JsonWriter.string(signature) + "}";
    }
}
