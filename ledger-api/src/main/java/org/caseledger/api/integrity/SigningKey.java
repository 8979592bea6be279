package org.caseledger.api.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.api.setup.SecretFiles;
import org.caseledger.api.setup.Setup;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.core.integrity.HmacSha256;
import org.caseledger.verify.casefile.CaseFileFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key pair that signs checkpoints, from the configured PEM file (a PRIVATE KEY and a PUBLIC KEY
 * block). The file is made once by {@code init-keys} ({@link #create(Path)}); on a database server the ledger refuses to
 * start without it. Only the embedded zero-setup default generates a missing one at start, and the log says so. A key
 * the ledger used before a rotation is read the same way ({@link #read(Path)}) from
 * {@code ledger.integrity.retired-key-files}: it verifies what it signed and authenticated, and signs nothing new
 * ({@link LedgerKeys}).
 */
@Component
public class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private static final Pattern PRIVATE_BLOCK = Pattern.compile("-----BEGIN PRIVATE KEY-----([^-]+)-----END PRIVATE KEY-----");
    private static final byte[] PAIR_CHECK = "case-ledger/key-pair-check".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern PUBLIC_BLOCK = Pattern.compile("-----BEGIN PUBLIC KEY-----[^-]+-----END PUBLIC KEY-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    @Autowired
    public SigningKey(IntegrityProperties properties, Environment environment) throws IOException, GeneralSecurityException {
        this(present(properties.signingKeyFile().toAbsolutePath(), Setup.of(environment)));
        log.info("Checkpoints are signed with Ed25519 key {} from {}", keyId(), properties.signingKeyFile().toAbsolutePath());
    }

    private SigningKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher privateBlock = PRIVATE_BLOCK.matcher(pem);
        Matcher publicBlock = PUBLIC_BLOCK.matcher(pem);
        if (!privateBlock.find() || !publicBlock.find()) {
            throw new IllegalStateException("the signing key file " + file + " must hold a PRIVATE KEY and a PUBLIC KEY block");
        }
        byte[] encoded = Base64.getMimeDecoder().decode(privateBlock.group(1));
        this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        this.publicKey = Ed25519.publicKeyFromPem(publicBlock.group());
        if (!Ed25519.verify(publicKey, PAIR_CHECK, Ed25519.sign(privateKey, PAIR_CHECK))) {
            throw new IllegalStateException("the PRIVATE KEY and the PUBLIC KEY in " + file + " are not one key pair");
        }
    }

    /** A key pair from a PEM file that must exist, such as a retired key. */
    public static SigningKey read(Path file) {
        try {
            return new SigningKey(file.toAbsolutePath());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the key pair in " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Generates a new key pair into a file that does not exist yet, readable by its owner only ({@code init-keys}). */
    public static SigningKey create(Path file) throws IOException, GeneralSecurityException {
        generate(file.toAbsolutePath());
        return read(file);
    }

    private static Path present(Path file, Setup setup) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            if (!setup.createsMissingKeys()) {
                throw SecretFiles.missingKey("signing key", "ledger.integrity.signing-key-file", file);
            }
            generate(file);
            log.warn("No signing key found: the embedded default generated a new Ed25519 key pair in {}. On a database server the "
                    + "ledger refuses to start without one (create it with init-keys).", file);
        }
        return file;
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    /**
     * A key of 256 bits for another purpose than signing, derived from the private key (HKDF-SHA256, the purpose as
     * info): it is held wherever the signing key is, never in the database, and changes when the signing key does.
     */
    public byte[] derivedKey(String purpose) {
        return HmacSha256.derive(privateKey.getEncoded(), "case-ledger/" + purpose);
    }

    /** The 32-byte Ed25519 private key (RFC 8032 seed) inside the PKCS#8 encoding, for signing C2SP notes. */
    byte[] ed25519Seed() {
        byte[] encoded = privateKey.getEncoded();
        // RFC 8410: SEQUENCE { version, AlgorithmIdentifier id-Ed25519, OCTET STRING { OCTET STRING seed } }: 16 bytes of header
        if (encoded.length != 48 || encoded[14] != 0x04 || encoded[15] != 0x20) {
            throw new IllegalStateException("the signing key is not an Ed25519 key in the plain PKCS#8 form");
        }
        return Arrays.copyOfRange(encoded, 16, 48);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return Ed25519.keyId(publicKey);
    }

    public String fingerprint() {
        return Ed25519.fingerprint(publicKey);
    }

    /**
     * The public key's fingerprint as the auditor's kit prints it ({@code sha256:<hex>}): SHA-256 of the raw public key,
     * what {@code openssl pkey -pubin -in ledger-public-key.pem -outform DER | tail -c 32 | sha256sum} prints too.
     */
    public String publicKeyFingerprint() {
        return "sha256:" + CaseFileFormat.keyId(rawPublicKey());
    }

    /** The raw 32-byte public key (RFC 8032), the last 32 bytes of its X.509 encoding. */
    byte[] rawPublicKey() {
        byte[] encoded = publicKey.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static void generate(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n" + Ed25519.toPem(pair.getPublic());
        SecretFiles.create(file, pem.getBytes(StandardCharsets.US_ASCII));
    }
}
