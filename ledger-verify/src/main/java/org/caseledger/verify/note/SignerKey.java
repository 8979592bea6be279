package org.caseledger.verify.note;

import java.util.Arrays;
import java.util.Optional;
import org.caseledger.verify.primitives.Ed25519;
import org.caseledger.verify.primitives.StrictBase64;

/**
 * A private key in the text form golang.org/x/mod/sumdb/note reads:
 * {@code PRIVATE+KEY+<key name>+<hex(key ID)>+<base64(signature type || 32-byte Ed25519 seed)>}. The key ID is that of
 * the public key under the same type, so a mistyped or mismatched key is refused when read. Type 0x01 signs notes,
 * type 0x04 cosigns checkpoints.
 */
public final class SignerKey {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte type;
    private final byte[] seed;
    private final VerifierKey verifierKey;

    private SignerKey(String name, byte type, byte[] seed) {
        if (seed.length != Ed25519.SEED_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        this.name = KeyName.require(name);
        this.type = type;
        this.seed = seed.clone();
        this.verifierKey = VerifierKey.of(name, type, Ed25519.publicKeyOf(seed));
    }

    public static SignerKey generate(String name, byte type) {
        return new SignerKey(name, type, Ed25519.newSeed());
    }

    public static SignerKey fromSeed(String name, byte type, byte[] seed) {
        return new SignerKey(name, type, seed);
    }

    public static Optional<SignerKey> parse(String skey) {
        if (!skey.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = skey.substring(PREFIX.length());
        int plus = rest.indexOf('+');
        if (plus < 0 || rest.length() < plus + 10 || rest.charAt(plus + 9) != '+') {
            return Optional.empty();
        }
        String name = rest.substring(0, plus);
        String idHex = rest.substring(plus + 1, plus + 9);
        Optional<byte[]> material = StrictBase64.decode(rest.substring(plus + 10));
        if (!KeyName.isValid(name) || material.isEmpty() || material.get().length != 1 + Ed25519.SEED_LENGTH
                || !SignatureType.isKnown(material.get()[0])) {
            return Optional.empty();
        }
        byte[] bytes = material.get();
        SignerKey key = new SignerKey(name, bytes[0], Arrays.copyOfRange(bytes, 1, bytes.length));
        return key.verifierKey.keyIdHex().equals(idHex) ? Optional.of(key) : Optional.empty();
    }

    public String name() {
        return name;
    }

    public byte type() {
        return type;
    }

    public byte[] seed() {
        return seed.clone();
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** This key's seed and name under another signature type (a note key used as a cosigner key, say). */
    public SignerKey withType(byte otherType) {
        return new SignerKey(name, otherType, seed);
    }

    public String format() {
        byte[] material = new byte[1 + seed.length];
        material[0] = type;
        System.arraycopy(seed, 0, material, 1, seed.length);
        return PREFIX + name + "+" + verifierKey.keyIdHex() + "+" + StrictBase64.encode(material);
    }

    /** Never the key itself: a private key must not end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "SignerKey[" + verifierKey.format() + "]";
    }
}
