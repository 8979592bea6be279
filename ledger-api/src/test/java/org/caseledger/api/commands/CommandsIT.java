package org.caseledger.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.api.support.LedgerJar;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.verify.casefile.CaseFileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The operator's commands, run as the operator runs them: {@code java -jar ledger-api.jar <command>}. */
class CommandsIT {

    private static final Pattern FINGERPRINT = Pattern.compile("public key +sha256:([0-9a-f]{64})");

    @TempDir
    Path directory;

    @Test
    void initKeysWritesBothKeysReadableByTheirOwnerOnlyAndPrintsThePublicKeysFingerprint() throws Exception {
        Path keys = directory.resolve("etc").resolve("ledger");

        LedgerJar.Result result = LedgerJar.command(directory, Map.of(), "", "init-keys",
                "--ledger.integrity.signing-key-file=" + keys.resolve("signing-key.pem"), "--ledger.privacy.master-key-file=" + keys.resolve("master-key"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        for (String file : new String[] {"signing-key.pem", "master-key"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(file)))).as(file).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).as("the directory made for them").isEqualTo("rwx------");
        Matcher printed = FINGERPRINT.matcher(result.out());
        assertThat(printed.find()).as(result.toString()).isTrue();
        // the fingerprint the auditor's kit prints for the key: SHA-256 of the raw public key
        byte[] encoded = Ed25519.publicKeyFromPem(publicBlock(Files.readString(keys.resolve("signing-key.pem")))).getEncoded();
        assertThat(printed.group(1)).isEqualTo(CaseFileFormat.keyId(java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)));
        assertThat(Files.readString(keys.resolve("master-key")).trim()).matches("[A-Za-z0-9+/]{43}=");
    }

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
    void hashPasswordPrintsABcryptHashThatSpringSecuritysEncoderAccepts() throws Exception {
        LedgerJar.Result result = LedgerJar.command(directory, Map.of(), "Kanelbulle på fredag 7\n", "hash-password");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String hash = result.out().strip();
        assertThat(hash).as("the whole output is the hash, for a configuration file").startsWith("{bcrypt}$2a$10$").doesNotContain("\n");
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(encoder.matches("Kanelbulle på fredag 7", hash)).isTrue();
        assertThat(encoder.matches("Kanelbulle på fredag 8", hash)).isFalse();
    }

    @Test
    void anUnknownCommandIsRefusedAndStartsNothing() throws Exception {
        LedgerJar.Result result = LedgerJar.command(directory, Map.of(), "", "migrat");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown command: migrat", "migrate", "init-keys", "hash-password", "bootstrap-sql");
        assertThat(directory.resolve("data")).doesNotExist();
    }

    private static String publicBlock(String pem) {
        return pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----"));
    }
}
