package org.caseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.core.integrity.Ed25519;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An exported case file verifies offline with the public key alone, and any single-byte edit of it is found. */
class CaseFileExportIT extends IntegrationTest {

    @Autowired
    private CheckpointSealer sealer;

    @Test
    void anExportedCaseFileVerifiesOfflineAndEverySingleByteEditIsFound() throws Exception {
        String caseId = Fixtures.openCase(http);
        http.as("anna").post("/api/cases/" + caseId + "/notes", Map.of("text", "Met Alva's mother at the office."));
        while (sealer.sealNext().isPresent()) {
            // seal everything pending
        }
        byte[] file = export(caseId);
        String publicKeyPem = http.anonymous().get("/api/audit/public-key").text();
        CaseFileVerifier verifier = new CaseFileVerifier(Ed25519.publicKeyFromPem(publicKeyPem));

        VerificationReport report = verifier.verify(file);
        assertThat(report.status()).as(report.toString()).isEqualTo("INTACT");
        assertThat(report.eventsChecked()).isEqualTo(3);
        assertThat(report.checkpointsChecked()).isGreaterThanOrEqualTo(1);

        List<String> undetected = new ArrayList<>();
        for (int position = 0; position < file.length; position++) {
            byte[] edited = file.clone();
            edited[position] = (byte) (edited[position] == '0' ? '1' : '0');
            VerificationReport afterEdit = verifier.verify(edited);
            if (afterEdit.intact() || afterEdit.firstProblem() == null || afterEdit.firstProblem().detail().isBlank()) {
                undetected.add(position + ": " + afterEdit.status());
            }
        }
        assertThat(undetected).as("single-byte edits of a %d-byte file that verification missed", file.length).isEmpty();
    }

    @Test
    void theShippedCommandLineVerifierChecksAFileWithNoDatabase() throws Exception {
        String caseId = Fixtures.openCase(http);
        while (sealer.sealNext().isPresent()) {
            // seal everything pending
        }
        Path directory = Files.createDirectories(Path.of("target", "case-files"));
        Path file = Files.write(directory.resolve("case-" + caseId + ".json"), export(caseId));
        Path key = Files.writeString(directory.resolve("ledger-public-key.pem"), http.anonymous().get("/api/audit/public-key").text());

        Run intact = runVerifier(file, key);
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).startsWith("INTACT: case " + caseId + ", 2 events");

        byte[] edited = Files.readAllBytes(file);
        String text = new String(edited, StandardCharsets.UTF_8);
        int actor = text.indexOf("\"aggregateId\":\"") + "\"aggregateId\":\"".length();
        edited[actor] = (byte) (edited[actor] == 'a' ? 'b' : 'a');
        Path tampered = Files.write(directory.resolve("tampered-" + caseId + ".json"), edited);
        Run broken = runVerifier(tampered, key);
        assertThat(broken.exitCode()).as(broken.output()).isEqualTo(2);
        assertThat(broken.output()).startsWith("BROKEN").contains("FILE_CHANGED");
    }

    @Test
    void craftedFilesAreBrokenNeverAnExceptionOrUnsealed() throws Exception {
        String caseId = Fixtures.openCase(http);
        while (sealer.sealNext().isPresent()) {
            // seal everything pending
        }
        String file = new String(export(caseId), StandardCharsets.UTF_8);
        CaseFileVerifier verifier = new CaseFileVerifier(Ed25519.publicKeyFromPem(http.anonymous().get("/api/audit/public-key").text()));
        List<String> crafted = List.of(
                file.replaceFirst("\"events\":\\[.*\\],\"checkpoints\"", "\"events\":null,\"checkpoints\""),
                file.replaceFirst("\"caseId\":\"[^\"]+\"", "\"caseId\":null"),
                file.replaceFirst("\"merkleRoot\":\"[^\"]+\"", "\"merkleRoot\":null"),
                "{}", "[]", "null");
        for (String craft : crafted) {
            VerificationReport report = verifier.verify(craft.getBytes(StandardCharsets.UTF_8));
            assertThat(report.status()).as(craft.length() > 40 ? craft.substring(0, 40) : craft).isEqualTo("BROKEN");
        }
        Path directory = Files.createDirectories(Path.of("target", "case-files"));
        Path key = Files.writeString(directory.resolve("ledger-public-key.pem"), http.anonymous().get("/api/audit/public-key").text());
        Run run = runVerifier(Files.writeString(directory.resolve("crafted.json"), crafted.get(0)), key);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    }

    private byte[] export(String caseId) {
        LedgerHttp.Response response = http.as("ivo").get("/api/audit/cases/" + caseId + "/export");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.text().getBytes(StandardCharsets.UTF_8);
    }

    private record Run(int exitCode, String output) {
    }

    private static Run runVerifier(Path file, Path key) throws IOException, InterruptedException {
        Path jar = Path.of("target", "ledger-api.jar");
        assertThat(jar).as("the packaged application").exists();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "verify", file.toString(), "--public-key", key.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output.strip());
    }
}
