package org.caseledger.api.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.caseledger.projections.personaldata.Aes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The master key, from a file generated on first start of the embedded default. It encrypts the key-encryption keys
 * that wrap the data keys ({@link KeyEncryptionKeys}); data keys created before those existed are wrapped by it
 * directly, until the next completion of erasures wraps them again under a key-encryption key.
 */
@Component
class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final SecretKey key;

    MasterKey(PrivacyProperties properties) throws IOException {
        Path file = properties.masterKeyFile().toAbsolutePath();
        if (!Files.exists(file)) {
            generate(file);
        }
        this.key = Aes.key(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
    }

    /** The key itself, which encrypts the key-encryption keys' files ({@link KeyEncryptionKeys}). */
    SecretKey key() {
        return key;
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(Aes.newKey().getEncoded()) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Could not restrict the permissions of {}", file);
        }
        log.warn("No master key found: generated a new one in {}. Back it up apart from the database; production should "
                + "supply its own (ledger.privacy.master-key-file).", file);
    }
}
