package org.caseledger.api.preflight;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The refusals that need no database, as the configuration alone shows them (FreshClusterIT starts the jar with each). */
class PreflightTest {

    @TempDir
    Path keys;

    @Test
    void aServerWithItsKeysAndNoOwnerCredentialsStarts() throws Exception {
        assertThatCode(() -> preflight(server())).doesNotThrowAnyException();
    }

    @Test
    void aServerGivenTheOwnersCredentialsIsRefused() throws Exception {
        Map<String, Object> configuration = server();
        configuration.put("ledger.database.owner-password", "secret");

        assertThatThrownBy(() -> preflight(configuration)).hasMessageContaining("given the schema owner's credentials");
    }

    @Test
    void aServerAskedForDemoDataIsRefused() throws Exception {
        Map<String, Object> configuration = server();
        configuration.put("ledger.demo-data.events", "1000");

        assertThatThrownBy(() -> preflight(configuration)).hasMessageContaining("demo data is generated into the embedded database only");
    }

    @Test
    void aServerWithoutItsMasterKeyFileIsRefused() throws Exception {
        Map<String, Object> configuration = server();
        Files.delete(keys.resolve("master-key"));

        assertThatThrownBy(() -> preflight(configuration)).hasMessageContaining("master key file").hasMessageContaining("init-keys");
    }

    @Test
    void theEmbeddedDefaultMayMakeItsKeysAndHoldDemoData() {
        Map<String, Object> configuration = new HashMap<>(Map.of("ledger.demo-data.events", "1000",
                "ledger.integrity.signing-key-file", keys.resolve("none.pem").toString()));

        assertThatCode(() -> preflight(configuration)).doesNotThrowAnyException();
    }

    private Map<String, Object> server() throws Exception {
        Files.writeString(keys.resolve("signing-key.pem"), "a key");
        Files.writeString(keys.resolve("master-key"), "a key");
        return new HashMap<>(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/ledger",
                "ledger.integrity.signing-key-file", keys.resolve("signing-key.pem").toString(),
                "ledger.privacy.master-key-file", keys.resolve("master-key").toString()));
    }

    /** Preflight in a context of its own, refreshed: it checks before the first bean is made. */
    private static void preflight(Map<String, Object> configuration) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("configured", configuration));
            new Preflight().initialize(context);
            context.refresh();
        }
    }
}
