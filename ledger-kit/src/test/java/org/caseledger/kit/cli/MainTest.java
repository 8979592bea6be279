package org.caseledger.kit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseledger.kit.replay.RecipientKeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit's own commands refuse what they do not take, and hand every other command to the verifier. */
class MainTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void givenAReplayWithoutAKeyToVerifyWithThenItIsAUsageErrorAndNothingIsRead() {
        assertThat(run("replay", "case.json", "--key", "ivo.key")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("verifies the file first");
    }

    @Test
    void givenBothAnInstantAndAnEventThenItIsAUsageError() throws IOException {
        Path key = Files.writeString(directory.resolve("ledger.pem"), "not a key");
        assertThat(run("replay", "case.json", "--policy", key.toString(), "--as-of", "2026-03-10", "--event", "3")).isEqualTo(Main.USAGE);
    }

    @Test
    void givenEveryEventWithoutJsonOrWithAMomentThenItIsAUsageError() throws IOException {
        Path key = Files.writeString(directory.resolve("ledger.pem"), "not read");
        assertThat(run("replay", "case.json", "--policy", key.toString(), "--every-event")).isEqualTo(Main.USAGE);
        assertThat(run("replay", "case.json", "--policy", key.toString(), "--every-event", "--json", "--event", "3")).isEqualTo(Main.USAGE);
    }

    @Test
    void givenKeygenForARecipientThenThePrivateKeyIsWrittenOnceAndThePublicKeyPrinted() throws IOException {
        assertThat(run("keygen", "ivo", "--recipient", "--out", directory.toString())).isEqualTo(Main.OK);
        RecipientKeyFile key = RecipientKeyFile.read(directory.resolve("ivo.key"));
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(key.publicKey()).contains("key id " + key.keyId());

        assertThat(run("keygen", "ivo", "--recipient", "--out", directory.toString())).as("never over a key that exists").isEqualTo(Main.USAGE);
    }

    @Test
    void givenACommandOfTheVerifierThenTheVerifierAnswersIt() {
        assertThat(run("keygen", "log.example")).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("PRIVATE+KEY+log.example+");
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
