package org.caseledger.verify.primitives;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) with the JDK's own provider, on the raw forms the signed-note formats carry: a 32-byte seed as
 * the private key and a 32-byte public key. The JDK speaks PKCS#8 and X.509; for Ed25519 those encodings are a fixed
 * DER header followed by the raw bytes (RFC 8410), so the conversion is a prefix.
 */
public final class Ed25519 {

    public static final int SEED_LENGTH = 32;
    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    /** SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32 bytes) } }. */
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (0 unused bits, 32 bytes) }. */
    private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ed25519() {
    }

    public static byte[] newSeed() {
        byte[] seed = new byte[SEED_LENGTH];
        RANDOM.nextBytes(seed);
        return seed;
    }

    /**
     * The public key of a seed. The JDK offers no direct derivation, but its key pair generator takes the seed from
     * the random source it is given, so a source that yields exactly this seed derives the pair.
     */
    public static byte[] publicKeyOf(byte[] seed) {
        requireLength(seed, SEED_LENGTH, "an Ed25519 seed");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] derivedSeed = raw(pair.getPrivate().getEncoded(), PKCS8_PREFIX);
            if (!Arrays.equals(derivedSeed, seed)) {
                throw new IllegalStateException("the Ed25519 key pair generator did not use the seed it was given");
            }
            return raw(pair.getPublic().getEncoded(), X509_PREFIX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
    }

    public static byte[] sign(byte[] seed, byte[] message) {
        requireLength(seed, SEED_LENGTH, "an Ed25519 seed");
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with Ed25519", e);
        }
    }

    /** False for a wrong signature, and for a key or signature of the wrong length or that is no curve point. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signatureBytes) {
        if (publicKey.length != PUBLIC_KEY_LENGTH || signatureBytes.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, publicKey)));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The raw public key of a PEM {@code PUBLIC KEY} block (an X.509 SubjectPublicKeyInfo of Ed25519, RFC 8410), or
     * nothing if the text is not exactly one such block.
     */
    public static java.util.Optional<byte[]> publicKeyFromPem(String pem) {
        String text = pem.strip();
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        if (!text.startsWith(begin) || !text.endsWith(end) || text.length() < begin.length() + end.length()) {
            return java.util.Optional.empty();
        }
        String body = text.substring(begin.length(), text.length() - end.length()).replaceAll("[\\r\\n]", "");
        return StrictBase64.decode(body)
                .filter(der -> der.length == X509_PREFIX.length + PUBLIC_KEY_LENGTH
                        && Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length))
                .map(der -> Arrays.copyOfRange(der, X509_PREFIX.length, der.length));
    }

    private static byte[] raw(byte[] encoded, byte[] prefix) {
        if (encoded.length != prefix.length + 32 || !Arrays.equals(encoded, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new IllegalStateException("unexpected Ed25519 key encoding from the Java runtime");
        }
        return Arrays.copyOfRange(encoded, prefix.length, encoded.length);
    }

    private static void requireLength(byte[] bytes, int length, String what) {
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " has " + length + " bytes, not " + bytes.length);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    /** A random source that yields one given seed, so that the key pair generator derives that seed's pair. */
    private static final class FixedSeed extends SecureRandom {

        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the key pair generator asked for " + bytes.length + " random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
