package org.caseledger.projections.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * A data key sealed for one named recipient of a case file: HPKE (RFC 9180) in base mode with DHKEM(X25519,
 * HKDF-SHA256), HKDF-SHA256 and AES-256-GCM, from Bouncy Castle. The info names this use; the associated data binds the
 * sealed key to its case and key id, so a key sealed for one case file cannot be passed off as another's. Keys travel as
 * RFC 9180 serializes them: 32 bytes, here in Base64. Format in docs/integrity.md, "A case file for a recipient".
 */
public final class RecipientSeal {

    /** The suite as the file names it. */
    public static final String SUITE = "HPKE-Base-X25519-SHA256-SHA256-AES256GCM";
    static final byte[] INFO = "case-ledger/case-file-data-key/1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;

    /** A data key sealed: the HPKE encapsulated key and the ciphertext of the 32 key bytes. */
    public record Sealed(byte[] enc, byte[] ciphertext) {
    }

    /** A recipient's key pair, each half as RFC 9180 serializes it. */
    public record KeyPair(byte[] privateKey, byte[] publicKey) {
    }

    private RecipientSeal() {
    }

    public static KeyPair generate() {
        AsymmetricCipherKeyPair pair = hpke().generatePrivateKey();
        return new KeyPair(((X25519PrivateKeyParameters) pair.getPrivate()).getEncoded(), ((X25519PublicKeyParameters) pair.getPublic()).getEncoded());
    }

    /** A public key from its Base64 text, if it is one: 32 bytes. */
    public static Optional<byte[]> publicKey(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            return key.length == KEY_BYTES ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static byte[] publicKeyOf(byte[] privateKey) {
        return new X25519PrivateKeyParameters(privateKey).generatePublicKey().getEncoded();
    }

    /** The key's id: the first 16 hex digits of the SHA-256 of its 32 bytes. */
    public static String keyId(byte[] publicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static Sealed seal(byte[] recipientPublicKey, String caseId, UUID keyId, SecretKey dataKey) {
        HPKE hpke = hpke();
        try {
            byte[][] sealed = hpke.seal(hpke.deserializePublicKey(recipientPublicKey), INFO, associatedData(caseId, keyId),
                    dataKey.getEncoded(), null, null, null);
            return new Sealed(sealed[1], sealed[0]);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE could not seal a data key", e);
        }
    }

    /** The data key, or empty when it was not sealed for this private key (or was altered). */
    public static Optional<SecretKey> open(byte[] recipientPrivateKey, String caseId, UUID keyId, byte[] enc, byte[] ciphertext) {
        HPKE hpke = hpke();
        try {
            byte[] key = hpke.open(enc, hpke.deserializePrivateKey(recipientPrivateKey, publicKeyOf(recipientPrivateKey)), INFO,
                    associatedData(caseId, keyId), ciphertext, null, null, null);
            return Optional.of(Aes.key(key));
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static byte[] associatedData(String caseId, UUID keyId) {
        return ("case-ledger/case-file-data-key/1\ncase " + caseId + "\nkey " + keyId + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }
}
