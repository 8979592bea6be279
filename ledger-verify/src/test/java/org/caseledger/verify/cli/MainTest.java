package org.caseledger.verify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.support.TestCaseFile;
import org.caseledger.verify.support.TestLog;
import org.caseledger.verify.witness.Cosigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The commands of the jar, run in this JVM, with their output and exit codes. A witness that starts would block: bounded. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void keygenPrintsAPrivateKeyAndTheVkeyThatBelongsToIt() {
        int exit = run("keygen", "ledger.example.se/case-ledger");

        List<String> lines = out().lines().toList();
        assertThat(exit).isEqualTo(Main.OK);
        assertThat(lines).hasSize(2);
        SignerKey key = SignerKey.parse(lines.get(0)).orElseThrow();
        assertThat(key.type()).isEqualTo(SignatureType.ED25519);
        assertThat(VerifierKey.parse(lines.get(1))).contains(key.verifierKey());
    }

    @Test
    void keygenForAWitnessMakesACosignerKey() {
        run("keygen", "witness.example.se/w1", "--witness");

        assertThat(SignerKey.parse(out().lines().findFirst().orElseThrow()).orElseThrow().type()).isEqualTo(SignatureType.COSIGNATURE_V1);
    }

    @Test
    void aWrongCommandLineExits64WithTheUsage() {
        assertThat(run()).isEqualTo(Main.USAGE);
        assertThat(run("sign")).isEqualTo(Main.USAGE);
        assertThat(run("keygen")).isEqualTo(Main.USAGE);
        assertThat(run("keygen", "a name with spaces")).isEqualTo(Main.USAGE);
        assertThat(run("keygen", "name", "--log")).isEqualTo(Main.USAGE);
        assertThat(run("checkpoint", "note")).isEqualTo(Main.USAGE);
        assertThat(run("witness", "--state", "s")).isEqualTo(Main.USAGE);
        assertThat(run("witness", "--state", "s", "--key", "k", "--listen", "127.0.0.1:0", "--log", "not-a-vkey")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:", "exit codes: 0 ok, 1 unsealed only (case-file), 2 refused or broken, 64 usage");
    }

    @Test
    void anAcceptedCheckpointExits0AndPrintsTheFingerprintOfEveryKeyItReliedOn() throws IOException {
        TestLog log = TestLog.of(3);
        Cosigner witness = new Cosigner(SignerKey.fromSeed("witness.example.se/w1", SignatureType.COSIGNATURE_V1, TestLog.seed(5)),
                Clock.fixed(Instant.parse("2026-03-02T08:20:00Z"), ZoneOffset.UTC));
        Path note = write("checkpoint", log.signed(3).withSignatures(List.of(witness.cosign(log.checkpoint(3)))).toString());
        Path policy = write("policy", "log " + log.verifierKey() + "\nwitness w1 " + witness.verifierKey() + "\nquorum w1\n");

        int exit = run("checkpoint", note.toString(), "--policy", policy.toString());

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(out()).contains("accepted: " + TestLog.ORIGIN + " at size 3",
                "sha256:" + log.verifierKey().fingerprint(),
                "w1 witness.example.se/w1+" + witness.verifierKey().keyIdHex() + " sha256:" + witness.verifierKey().fingerprint() + " cosigned 2026-03-02T08:20:00Z",
                "quorum   w1 met");
    }

    @Test
    void aCheckpointThatDoesNotMeetThePolicyExits2() throws IOException {
        TestLog log = TestLog.of(3);
        Path note = write("checkpoint", log.signed(3).toString());
        Path policy = write("policy", "log " + log.verifierKey() + "\nwitness w1 "
                + SignerKey.fromSeed("w1", SignatureType.COSIGNATURE_V1, TestLog.seed(5)).verifierKey() + "\nquorum w1\n");

        assertThat(run("checkpoint", note.toString(), "--policy", policy.toString())).isEqualTo(Main.REFUSED);
        assertThat(out()).startsWith("refused: ");
        Files.writeString(note, "rubbish");
        assertThat(run("checkpoint", note.toString(), "--policy", policy.toString())).isEqualTo(Main.REFUSED);
    }

    @Test
    void aMalformedOrMissingPolicyOrNoteFileExits64() throws IOException {
        Path note = write("checkpoint", TestLog.of(3).signed(3).toString());
        Path policy = write("policy", "quorum nobody\n");

        assertThat(run("checkpoint", note.toString(), "--policy", policy.toString())).isEqualTo(Main.USAGE);
        assertThat(run("checkpoint", note.toString(), "--policy", directory.resolve("absent").toString())).isEqualTo(Main.USAGE);
        assertThat(run("checkpoint", directory.resolve("absent").toString(), "--policy", policy.toString())).isEqualTo(Main.USAGE);
    }

    @Test
    void aCaseFileExits0WhenIntact1WhenUnsealedAnd2WhenBrokenAndPrintsTheKeysFingerprint() throws IOException {
        Path key = write("ledger-public-key.pem", pem(TestCaseFile.publicKey()));
        Path intact = Files.write(directory.resolve("intact.json"), TestCaseFile.sealed().bytes());
        Path unsealed = Files.write(directory.resolve("unsealed.json"), TestCaseFile.sealed().events(e -> {
            e.set(2, e.get(2).unsealed());
            return e;
        }).bytes());
        byte[] edited = TestCaseFile.sealed().bytes();
        edited[200] ^= 1;
        Path broken = Files.write(directory.resolve("broken.json"), edited);
        Path policy = write("policy", "log " + TestCaseFile.LOG.verifierKey().format() + "\nquorum none\n");

        assertThat(run("case-file", intact.toString(), "--public-key", key.toString())).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("INTACT").contains("sha256:" + TestCaseFile.LOG.verifierKey().fingerprint());
        assertThat(run("case-file", intact.toString(), "--policy", policy.toString())).isEqualTo(Main.OK);
        assertThat(run("case-file", unsealed.toString(), "--public-key", key.toString())).isEqualTo(1);
        out.reset();
        assertThat(run("case-file", broken.toString(), "--public-key", key.toString())).isEqualTo(Main.REFUSED);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("BROKEN");
    }

    @Test
    void aCaseFileCommandWithoutExactlyOneKeySourceOrWithUnreadableFilesExits64() throws IOException {
        Path key = write("ledger-public-key.pem", pem(TestCaseFile.publicKey()));
        Path notAKey = write("not-a-key.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        Path file = Files.write(directory.resolve("case.json"), TestCaseFile.sealed().bytes());
        Path policy = write("policy", "quorum nobody\n");

        assertThat(run("case-file")).isEqualTo(Main.USAGE);
        assertThat(run("case-file", file.toString())).isEqualTo(Main.USAGE);
        assertThat(run("case-file", file.toString(), "--public-key")).isEqualTo(Main.USAGE);
        assertThat(run("case-file", file.toString(), "--public-key", key.toString(), "--policy", policy.toString())).isEqualTo(Main.USAGE);
        assertThat(run("case-file", file.toString(), "--public-key", key.toString(), "--public-key", key.toString())).isEqualTo(Main.USAGE);
        assertThat(run("case-file", file.toString(), "--public-key", notAKey.toString())).isEqualTo(Main.USAGE);
        assertThat(run("case-file", file.toString(), "--policy", policy.toString())).isEqualTo(Main.USAGE);
        assertThat(run("case-file", file.toString(), "--public-key", key.toString(), "--other", "x")).isEqualTo(Main.USAGE);
        assertThat(run("case-file", directory.resolve("absent").toString(), "--public-key", key.toString())).isEqualTo(Main.USAGE);
        assertThat(run("case-file", file.toString(), "--public-key", key.toString(), "--trusted-checkpoint",
                directory.resolve("absent").toString())).isEqualTo(Main.USAGE);
    }

    private static String pem(byte[] publicKey) {
        byte[] der = new byte[44];
        System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
        System.arraycopy(publicKey, 0, der, 12, 32);
        return "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void aWitnessWhoseStateFileIsBrokenDoesNotStartAndExits2() throws IOException {
        Path state = write("state", "not a witness state\n");
        Path key = write("key", SignerKey.fromSeed("w1", SignatureType.COSIGNATURE_V1, TestLog.seed(5)).format() + "\n");

        int exit = run("witness", "--state", state.toString(), "--key", key.toString(), "--log", TestLog.of(1).verifierKey().format(),
                "--listen", "127.0.0.1:0");

        assertThat(exit).isEqualTo(Main.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot be read", "does not start");
    }

    @Test
    void aWitnessKeyFileMustHoldAPrivateKeyAndAtMostItsOwnVkey() throws IOException {
        SignerKey key = SignerKey.fromSeed("w1", SignatureType.COSIGNATURE_V1, TestLog.seed(5));
        Path wrongVkey = write("key", key.format() + "\n" + SignerKey.fromSeed("w1", SignatureType.COSIGNATURE_V1, TestLog.seed(6)).verifierKey() + "\n");
        Path noKey = write("nokey", key.verifierKey() + "\n");

        assertThat(run("witness", "--state", directory.resolve("s").toString(), "--key", wrongVkey.toString(), "--log",
                TestLog.of(1).verifierKey().format(), "--listen", "127.0.0.1:0")).isEqualTo(Main.USAGE);
        assertThat(run("witness", "--state", directory.resolve("s").toString(), "--key", noKey.toString(), "--log",
                TestLog.of(1).verifierKey().format(), "--listen", "127.0.0.1:0")).isEqualTo(Main.USAGE);
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }
}
