package org.caseledger.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.caseledger.api.support.LedgerJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's commands, run as the operator runs them: {@code java -jar ledger-api.jar <command>}. FreshClusterIT runs
 * each command of a set-up from nothing and checks what it makes (init-keys' files and fingerprint, hash-password's
 * hash, with which staff then sign in); here, what a set-up from nothing does not meet.
 */
class CommandsIT {

    @TempDir
    Path directory;

    @Test
    void initKeysNeverWritesOverAKeyThatExists() throws Exception {
        Path keys = directory.resolve("keys");
        String[] arguments = {"init-keys", "--ledger.integrity.signing-key-file=" + keys.resolve("signing-key.pem"),
                "--ledger.privacy.master-key-file=" + keys.resolve("master-key")};
        LedgerJar.command(directory, Map.of(), "", arguments);
        String signing = Files.readString(keys.resolve("signing-key.pem"));
        String master = Files.readString(keys.resolve("master-key"));

        LedgerJar.Result again = LedgerJar.command(directory, Map.of(), "", arguments);

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("exists, left as it is");
        assertThat(Files.readString(keys.resolve("signing-key.pem"))).isEqualTo(signing);
        assertThat(Files.readString(keys.resolve("master-key"))).isEqualTo(master);
    }

    @Test
    void anUnknownCommandIsRefusedAndStartsNothing() throws Exception {
        LedgerJar.Result result = LedgerJar.command(directory, Map.of(), "", "migrat");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown command: migrat", "migrate", "init-keys", "hash-password", "bootstrap-sql");
        assertThat(directory.resolve("data")).doesNotExist();
    }
}
