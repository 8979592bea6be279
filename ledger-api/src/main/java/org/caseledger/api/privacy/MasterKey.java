package org.caseledger.api.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.caseledger.api.setup.SecretFiles;
import org.caseledger.api.setup.Setup;
import org.caseledger.projections.personaldata.Aes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The master key, from a file made once by {@code init-keys} ({@link #create(Path)}); on a database server the ledger
 * refuses to start without it, and only the embedded zero-setup default generates a missing one at start. It encrypts
 * the key-encryption keys that wrap the data keys ({@link KeyEncryptionKeys}); data keys created before those existed
 * are wrapped by it directly, until the next completion of erasures wraps them again under a key-encryption key.
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final SecretKey key;

    MasterKey(PrivacyProperties properties, Environment environment) throws IOException {
        Path file = properties.masterKeyFile().toAbsolutePath();
        if (!Files.exists(file)) {
            if (!Setup.of(environment).createsMissingKeys()) {
                throw SecretFiles.missingKey("master key", "ledger.privacy.master-key-file", file);
            }
            create(file);
            log.warn("No master key found: the embedded default generated a new one in {}. On a database server the ledger "
                    + "refuses to start without one (create it with init-keys).", file);
        }
        this.key = Aes.key(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
    }

    /** The key itself, which encrypts the key-encryption keys' files ({@link KeyEncryptionKeys}). */
    SecretKey key() {
        return key;
    }

    /** Writes a new random key (256 bits, base64) into a file that does not exist yet, readable by its owner only. */
    public static void create(Path file) throws IOException {
        SecretFiles.create(file, (Base64.getEncoder().encodeToString(Aes.newKey().getEncoded()) + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
