package org.caseledger.api.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.caseledger.api.integrity.IntegrityProperties;
import org.caseledger.api.integrity.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Where a key is read, a missing file is made only by the embedded default (Preflight refuses a server's before any
 * bean; this holds even without it).
 */
class MissingKeysTest {

    @TempDir
    Path directory;

    @Test
    void onAServerAMissingSigningKeyIsRefusedAndNothingIsMade() {
        Path file = directory.resolve("keys").resolve("signing-key.pem");

        assertThatThrownBy(() -> new SigningKey(properties(file), environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/ledger"))))
                .hasMessageContaining("does not exist").hasMessageContaining("init-keys");
        assertThat(directory.resolve("keys")).doesNotExist();
    }

    @Test
    void theEmbeddedDefaultMakesAMissingSigningKeyReadableByItsOwnerOnly() throws Exception {
        Path file = directory.resolve("keys").resolve("signing-key.pem");

        new SigningKey(properties(file), environment(Map.of()));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private static IntegrityProperties properties(Path signingKeyFile) {
        return new IntegrityProperties(signingKeyFile, List.of(), null, 0, 0, null, null, List.of(), 0);
    }

    private static StandardEnvironment environment(Map<String, Object> configured) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("configured", configured));
        return environment;
    }
}
