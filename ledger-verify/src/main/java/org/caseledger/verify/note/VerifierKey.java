package org.caseledger.verify.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.caseledger.verify.primitives.Ed25519;
import org.caseledger.verify.primitives.Sha256;
import org.caseledger.verify.primitives.StrictBase64;

/**
 * A public key in the vkey text form of c2sp.org/signed-note:
 * {@code <key name>+<hex(key ID)>+<base64(signature type || public key)>}, where the key ID is the first four bytes
 * of {@code SHA-256(key name || 0x0A || signature type || public key)}. This kit reads the Ed25519 types, 0x01 (note
 * signatures) and 0x04 (cosignatures), each with a 32-byte key.
 */
public final class VerifierKey {

    private final String name;
    private final byte type;
    private final byte[] publicKey;
    private final int keyId;

    private VerifierKey(String name, byte type, byte[] publicKey) {
        this.name = KeyName.require(name);
        if (!SignatureType.isKnown(type)) {
            throw new IllegalArgumentException("not an Ed25519 signature type: " + type);
        }
        if (publicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        this.type = type;
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, type, publicKey);
    }

    public static VerifierKey of(String name, byte type, byte[] publicKey) {
        return new VerifierKey(name, type, publicKey);
    }

    /** Reads a vkey; nothing if it is not exactly one of a type read here, with the key ID its key and name give. */
    public static Optional<VerifierKey> parse(String vkey) {
        int firstPlus = vkey.indexOf('+');
        if (firstPlus < 0 || vkey.length() < firstPlus + 10 || vkey.charAt(firstPlus + 9) != '+') {
            return Optional.empty();
        }
        String name = vkey.substring(0, firstPlus);
        String idHex = vkey.substring(firstPlus + 1, firstPlus + 9);
        Optional<byte[]> material = StrictBase64.decode(vkey.substring(firstPlus + 10));
        if (!KeyName.isValid(name) || !isLowerHex(idHex) || material.isEmpty() || material.get().length != 33) {
            return Optional.empty();
        }
        byte[] bytes = material.get();
        if (!SignatureType.isKnown(bytes[0])) {
            return Optional.empty();
        }
        VerifierKey key = new VerifierKey(name, bytes[0], Arrays.copyOfRange(bytes, 1, bytes.length));
        return key.keyIdHex().equals(idHex) ? Optional.of(key) : Optional.empty();
    }

    /** The key ID of c2sp.org/signed-note: the first four bytes, big-endian, of SHA-256(name || "\n" || type || key). */
    public static int keyId(String name, byte type, byte[] publicKey) {
        MessageDigest digest = Sha256.digest();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(type);
        digest.update(publicKey);
        return ByteBuffer.wrap(digest.digest()).getInt();
    }

    public String name() {
        return name;
    }

    public byte type() {
        return type;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public int keyId() {
        return keyId;
    }

    public String keyIdHex() {
        return HexFormat.of().toHexDigits(keyId);
    }

    /** The SHA-256 of the raw 32-byte public key in hex: what an auditor compares with the key owner's. */
    public String fingerprint() {
        return Sha256.hex(Sha256.of(publicKey));
    }

    public String format() {
        byte[] material = new byte[1 + publicKey.length];
        material[0] = type;
        System.arraycopy(publicKey, 0, material, 1, publicKey.length);
        return name + "+" + keyIdHex() + "+" + StrictBase64.encode(material);
    }

    /** The same public key under another signature type, as the cosignature keys of a note key are derived. */
    public VerifierKey withType(byte otherType) {
        return new VerifierKey(name, otherType, publicKey);
    }

    boolean sameKeyAs(VerifierKey other) {
        return MessageDigest.isEqual(publicKey, other.publicKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey that && name.equals(that.name) && type == that.type
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey) * 31 + name.hashCode() + type;
    }

    @Override
    public String toString() {
        return format();
    }

    private static boolean isLowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
