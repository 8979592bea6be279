package org.caseledger.core.integrity;

import org.caseledger.verify.primitives.Sha256;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Ed25519 signatures with the JDK's own provider, and the text forms of a public key. */
public final class Ed25519 {

    private Ed25519() {
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with Ed25519", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public key as PEM (X.509 SubjectPublicKeyInfo), the form {@code GET /api/v1/audit/public-key} serves. */
    public static String toPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public static PublicKey publicKeyFromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM form", e);
        }
    }

    /** A short, stable name for a public key: the first 16 hex digits of its fingerprint. */
    public static String keyId(PublicKey key) {
        return fingerprint(key).substring(0, 16);
    }

    /**
     * The SHA-256 of the public key's encoded form (X.509 SubjectPublicKeyInfo, the DER inside the PEM) in hex: what
     * {@code openssl pkey -pubin -in key.pem -outform DER | sha256sum} prints, so a person can compare keys.
     */
    public static String fingerprint(PublicKey key) {
        return Sha256.hex(Sha256.of(key.getEncoded()));
    }
}
