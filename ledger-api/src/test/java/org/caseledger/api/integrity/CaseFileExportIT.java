package org.caseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.CaseFiles;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.JsonSchemaCheck;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.verify.casefile.CaseFileFormat;
import org.caseledger.verify.casefile.CaseFileReport;
import org.caseledger.verify.casefile.CaseFileVerifier;
import org.caseledger.verify.event.EventHash;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An exported case file (format 2) verifies with the auditor's kit alone, run as its own process with no database and
 * no network; any single-byte edit of it is found; a file signed with the ledger's real key but with a broken link is
 * found; and a checkpoint the auditor kept must be proved extended by the file's.
 */
class CaseFileExportIT extends IntegrationTest {

    private static final Path KIT = Path.of("..", "ledger-verify", "target", "ledger-verify.jar").toAbsolutePath();
    private static final Path FILES = Path.of("target", "case-files");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private CheckpointSealer sealer;

    @Autowired
    private SigningKey signingKey;

    @Test
    void anExportedCaseFileVerifiesAndEverySingleByteEditIsFound() {
        String caseId = Fixtures.openCase(http);
        http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Met Alva's mother at the office."));
        sealEverything();
        byte[] file = export(caseId, "");
        CaseFileVerifier verifier = CaseFiles.verifier(publicKey());

        CaseFileReport report = verifier.verify(file);
        assertThat(report.status()).as(report.describe()).isEqualTo(CaseFileReport.Status.INTACT);
        assertThat(report.events()).isEqualTo(3);

        List<String> undetected = new ArrayList<>();
        for (int position = 0; position < file.length; position++) {
            byte[] edited = file.clone();
            edited[position] = (byte) (edited[position] == '0' ? '1' : '0');
            CaseFileReport afterEdit = verifier.verify(edited);
            if (afterEdit.status() != CaseFileReport.Status.BROKEN || afterEdit.problems().isEmpty()
                    || afterEdit.problems().get(0).detail().isBlank()) {
                undetected.add(position + ": " + afterEdit.status());
            }
        }
        assertThat(undetected).as("single-byte edits of a %d-byte file that verification missed", file.length).isEmpty();
    }

    @Test
    void anExportedFileMeetsTheDocumentedSchemaWithAndWithoutAConsistencyProof() throws IOException {
        String caseId = Fixtures.openCase(http);
        sealEverything();
        long earlier = Long.parseLong(http.as("ivo").get("/api/v1/audit/checkpoints/latest").text().lines().toList().get(1));
        http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "A note not yet sealed."));
        sealEverything();
        http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Another, not yet sealed."));
        JsonSchemaCheck schema = new JsonSchemaCheck(JSON.readTree(Files.readString(Path.of("..", "docs", "case-file.schema.json"))));

        assertThat(schema.violations(JSON.readTree(export(caseId, "")))).isEmpty();
        assertThat(schema.violations(JSON.readTree(export(caseId, "?since=" + earlier)))).isEmpty();
        assertThat(schema.violations(JSON.readTree("{\"format\":\"case-ledger/case-file/2\",\"keyId\":\"00\",\"body\":\"{}\"}")))
                .as("the check itself finds what is missing").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theKitVerifiesTheFileAsItsOwnProcessAndPrintsTheKeysFingerprint() throws Exception {
        String caseId = Fixtures.openCase(http);
        sealEverything();
        Path directory = Files.createDirectories(FILES);
        Path file = Files.write(directory.resolve("case-" + caseId + ".json"), export(caseId, ""));
        Path key = Files.writeString(directory.resolve("ledger-public-key.pem"), publicKey());
        String fingerprint = CaseFileFormat.keyId(org.caseledger.verify.primitives.Ed25519.publicKeyFromPem(publicKey()).orElseThrow());

        Run intact = kit("case-file", file.toString(), "--public-key", key.toString());
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).startsWith("INTACT: case " + caseId + ", 2 events").contains("sha256:" + fingerprint);

        byte[] edited = Files.readAllBytes(file);
        int at = new String(edited, StandardCharsets.UTF_8).indexOf("aggregateId") + 20;
        edited[at] = (byte) (edited[at] == 'a' ? 'b' : 'a');
        Run broken = kit("case-file", Files.write(directory.resolve("tampered-" + caseId + ".json"), edited).toString(),
                "--public-key", key.toString());
        assertThat(broken.exitCode()).as(broken.output()).isEqualTo(2);
        assertThat(broken.output()).startsWith("BROKEN").contains("FILE_SIGNATURE_INVALID");
    }

    @Test
    void aFileSignedWithTheRealKeyButWithABrokenLinkIsBroken() throws Exception {
        String caseId = Fixtures.openCase(http);
        http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "A note."));
        sealEverything();
        JsonNode outer = JSON.readTree(export(caseId, ""));
        ObjectNode body = (ObjectNode) JSON.readTree(outer.path("body").asString());
        ObjectNode second = (ObjectNode) body.path("events").get(1);
        byte[] forgedPrevious = new byte[32];
        forgedPrevious[0] = 1;
        second.put("previousHash", HexFormat.of().formatHex(forgedPrevious));
        second.put("hash", HexFormat.of().formatHex(new EventHash(caseId, 1, second.path("eventId").asString(),
                second.path("payloadType").asString(), second.path("payloadRevision").asString(),
                HexFormat.of().parseHex(second.path("envelopeDigest").asString()),
                HexFormat.of().parseHex(second.path("payloadDigest").asString()), forgedPrevious).compute()));
        String forgedBody = JSON.writeValueAsString(body);
        byte[] forged = CaseFileFormat.write(forgedBody, outer.path("keyId").asString(),
                signingKey.sign(CaseFileFormat.signedBytes(forgedBody)));

        CaseFileReport report = CaseFiles.verifier(publicKey()).verify(forged);

        assertThat(report.status()).as(report.describe()).isEqualTo(CaseFileReport.Status.BROKEN);
        assertThat(report.problems().get(0).kind()).isEqualTo("CHAIN_BROKEN");
        assertThat(report.problems().get(0).sequenceNumber()).isEqualTo(1);
        assertThat(report.problems().get(0).globalIndex()).isEqualTo(second.path("globalIndex").asLong());
    }

    @Test
    void theLedgerRefusesToSignACaseThatDoesNotVerify() throws Exception {
        String caseId = Fixtures.openCase(http);
        sealEverything();
        try (Tamper tamper = new Tamper(caseId)) {
            Map<String, Object> event = tamper.event(1);
            tamper.execute("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                    (new String((byte[]) event.get("payload"), StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8),
                    event.get("global_index"));

            LedgerHttp.Response refused = http.as("ivo").get("/api/v1/audit/cases/" + caseId + "/export");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        }
    }

    @Test
    void aCheckpointTheAuditorKeptMustBeProvedExtendedByTheFilesCheckpoint() throws Exception {
        String caseId = Fixtures.openCase(http);
        sealEverything();
        Path directory = Files.createDirectories(FILES);
        String kept = http.as("ivo").get("/api/v1/audit/checkpoints/latest").text();
        long keptSize = Long.parseLong(kept.lines().toList().get(1));
        Path trusted = Files.writeString(directory.resolve("trusted-" + caseId + ".note"), kept);
        Path key = Files.writeString(directory.resolve("ledger-public-key.pem"), publicKey());
        http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "A later note."));
        sealEverything();

        Path withoutProof = Files.write(directory.resolve("case-" + caseId + "-now.json"), export(caseId, ""));
        Run refused = kit("case-file", withoutProof.toString(), "--public-key", key.toString(), "--trusted-checkpoint", trusted.toString());
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).startsWith("BROKEN").contains("TRUSTED_CHECKPOINT_NOT_EXTENDED");

        Path withProof = Files.write(directory.resolve("case-" + caseId + "-since.json"), export(caseId, "?since=" + keptSize));
        Run extended = kit("case-file", withProof.toString(), "--public-key", key.toString(), "--trusted-checkpoint", trusted.toString());
        assertThat(extended.exitCode()).as(extended.output()).isZero();
        assertThat(extended.output()).startsWith("INTACT").contains("extends the trusted checkpoint of size " + keptSize);
    }

    @Test
    void craftedFilesNeverCrashTheKitAndAreNeverIntact() throws Exception {
        String caseId = Fixtures.openCase(http);
        sealEverything();
        String file = new String(export(caseId, ""), StandardCharsets.UTF_8);
        CaseFileVerifier verifier = CaseFiles.verifier(publicKey());
        List<String> crafted = List.of(file.substring(0, file.length() / 2), "{}", "[]", "null", "",
                file.replaceFirst("\\{\"format\"", "{\"format\":1,\"format\""), "[".repeat(10_000) + "]".repeat(10_000),
                "{\"format\":1" + "0".repeat(40) + "}");
        for (String craft : crafted) {
            CaseFileReport report = verifier.verify(craft.getBytes(StandardCharsets.UTF_8));
            assertThat(report.status()).as(craft.length() > 40 ? craft.substring(0, 40) : craft).isEqualTo(CaseFileReport.Status.BROKEN);
        }
        Path directory = Files.createDirectories(FILES);
        Path key = Files.writeString(directory.resolve("ledger-public-key.pem"), publicKey());
        Run run = kit("case-file", Files.writeString(directory.resolve("crafted.json"), crafted.get(6)).toString(), "--public-key", key.toString());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).startsWith("BROKEN").contains("nested deeper");
    }

    private void sealEverything() {
        while (sealer.sealNext().isPresent()) {
            // seal everything pending
        }
    }

    private String publicKey() {
        return http.anonymous().get("/api/v1/audit/public-key").text();
    }

    private byte[] export(String caseId, String query) {
        LedgerHttp.Response response = http.as("ivo").get("/api/v1/audit/cases/" + caseId + "/export" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.text().getBytes(StandardCharsets.UTF_8);
    }

    private record Run(int exitCode, String output) {
    }

    /** The kit as an auditor runs it: its own jar in its own process, given nothing but files. */
    private static Run kit(String... args) throws IOException, InterruptedException {
        assertThat(KIT).as("the kit's jar, built by the ledger-verify module before these tests").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", KIT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output.strip());
    }
}
