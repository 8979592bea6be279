package org.caseledger.api.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first run: the packaged ledger started with nothing configured, in an empty directory, as the README's
 * first command starts it. The embedded default is its own operator: it starts its PostgreSQL, migrates it, makes its
 * key files and says so, serves the demo users and the browsable API; and a normal stop leaves no error and no database
 * process behind.
 */
class FirstRunIT {

    @TempDir
    Path directory;

    @Test
    void givenNothingConfiguredTheLedgerStartsOnItsOwnAndStopsCleanly() throws Exception {
        int port = LedgerNode.freePort();
        LedgerNode node = LedgerNode.start("first-run", port, directory, Map.of(), List.of("--server.port=" + port));
        String log;
        int exit;
        try {
            LedgerHttp http = node.http();
            assertThat(http.as("anna").get("/api/v1/cases").status()).isEqualTo(200);
            assertThat(http.as("anna").get("/swagger-ui/index.html").status()).as("the browsable API of the embedded default").isEqualTo(200);
        } finally {
            exit = node.stop();
            log = node.log();
        }

        assertThat(log).contains("the embedded default generated a new Ed25519 key pair", "the embedded default generated a new one");
        for (String key : new String[] {"signing-key.pem", "master-key"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("data").resolve(key))))
                    .as(key).isEqualTo("rw-------");
        }
        assertThat(log).as("the log of a normal stop, exit code " + exit).doesNotContain(" ERROR ").doesNotContain("Exception");
        assertThat(directory.resolve("data/postgres/postmaster.pid")).as("the embedded PostgreSQL stopped with the ledger").doesNotExist();
    }
}
