package org.caseledger.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.caseledger.api.support.CaseFiles;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.BinaryResponse;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.kit.pdf.PdfSignature;
import org.caseledger.verify.casefile.CaseFileReport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The case file as a PDF, read back with PDFBox: the timeline and the decisions in plain words, and the same hashes,
 * checkpoint and key as the verifiable JSON export, which travels inside it. A copy of a rendered file and pictures of
 * its pages are left in target/case-files for a person to look at.
 */
class CaseFilePdfIT extends IntegrationTest {

    private static final Path SAMPLES = Path.of("target", "case-files");

    @Test
    void anAuditorsPdfShowsTheChildTheTimelineTheDecisionsAndTheHashesCheckpointAndKeyOfTheVerifiableExport() throws IOException {
        String identityNumber = Fixtures.identityNumber();
        Response child = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", identityNumber, "name", "Alva Exempel"));
        assertThat(child.status()).as(child.toString()).isEqualTo(201);
        String caseId = Fixtures.openCaseOnSchoolReport(http, child.field("personId")).field("caseId");
        String cases = "/api/v1/cases/" + caseId;
        String household = http.as("anna").get(cases).field("household");
        String mothersNumber = Fixtures.identityNumber(LocalDate.of(1988, 4, 2));
        Response mother = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", mothersNumber, "name", "Sara Exempel",
                "household", household));
        assertThat(mother.status()).as(mother.toString()).isEqualTo(201);
        assertThat(http.as("anna").post(cases + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2025:400-20kap2",
                "rationale", "Upprepade tecken på att Alva far illa.")).status()).isEqualTo(201);
        Response note = http.as("anna").post(cases + "/notes", Map.of("text", "Mötet hölls på förskolan i Vivalla 2023."));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        assertThat(http.as("anna").post(cases + "/notes/" + note.field("noteId") + "/corrections",
                Map.of("text", "Mötet hölls på förskolan i Vivalla 2022.", "reason", "Fel år antecknat.")).status()).isEqualTo(201);
        sealEverything();

        BinaryResponse answer = http.as("ivo").getBytes("/api/v1/audit/cases/" + caseId + "/export.pdf");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(answer.header("Content-Disposition")).isEqualTo("attachment; filename=\"case-" + caseId + ".pdf\"");
        keepForAPerson(answer.body());
        String text = textOf(answer.body());
        JsonNode export = CaseFiles.body(http.as("ivo").get("/api/v1/audit/cases/" + caseId + "/export").text());
        ReadableText.readsAsWords(text, namedIds(caseId));
        assertThat(text).contains("Akt för ärende " + http.as("ivo").get(cases).field("caseNumber"), "Sekretess enligt OSL 26 kap. 1 §",
                "av ivo.granskare (granskare, ");
        assertThat(text).as("the child and the household by name and identity number")
                .contains("Alva Exempel, " + identityNumber, "Sara Exempel, " + mothersNumber)
                .doesNotContain(child.field("personId"), mother.field("personId"), household);
        assertThat(text).as("each event in words").contains("Orosanmälan från skolan", "Beslut: Inleda utredning",
                "Journalanteckning: Mötet hölls på förskolan i Vivalla 2023.",
                "Rättelse av journalanteckning (Fel år antecknat.): Mötet hölls på förskolan i Vivalla 2022.", "Rättad av #4",
                "Rättar #3");
        assertThat(text).as("the decision, its basis and its delegation").contains(
                "Lagrum: 20 kap. 2 § socialtjänstlagen (2025:400) – Förhandsbedömning", "Delegationspunkt DO-1.1",
                "Upprepade tecken på att Alva far illa.");
        List<String> hashes = export.path("events").findValuesAsString("hash");
        assertThat(hashes).hasSize(5);
        assertThat(text).as("every event hash of the JSON export").contains(hashes);
        assertThat(text).as("the tree size and root of the file's checkpoint").contains(treeSizeAndRoot(export));
        String publicKey = http.anonymous().get("/api/v1/audit/public-key").text();
        CaseFileReport attached = CaseFiles.verifier(publicKey).verify(attachment(answer.body(), caseId));
        assertThat(attached.status()).as("the signed case file attached to the PDF: " + attached.describe())
                .isEqualTo(CaseFileReport.Status.INTACT);
        assertThat(attached.events()).isEqualTo(5);
        String fingerprint = attached.keys().get(0).replaceAll(".*sha256:([0-9a-f]{64}).*", "$1");
        assertThat(text.replace(" ", "")).as("the fingerprint of the key the kit relied on").contains(fingerprint);
        assertThat(PdfSignature.check(answer.body(), Ed25519.publicKeyFromPem(publicKey)).holds())
                .as("the whole document is signed with the ledger's published key").isTrue();
        List<String> logged = new ArrayList<>();
        http.as("ivo").get("/api/v1/audit/access-log?user=ivo.granskare&limit=1000").json().forEach(entry -> logged.add(
                entry.path("personId").asString() + " " + entry.path("outcome").asString() + " " + entry.path("what").asString()));
        assertThat(logged).as("naming a person in the file is a read of that person").contains(
                child.field("personId") + " READ GET /api/v1/audit/cases/{caseId}/export.pdf",
                mother.field("personId") + " READ GET /api/v1/audit/cases/{caseId}/export.pdf");
    }

    @Test
    void thePdfIsInEnglishOnRequest() throws IOException {
        String caseId = Fixtures.openCase(http);

        BinaryResponse answer = http.as("ivo").getBytes("/api/v1/audit/cases/" + caseId + "/export.pdf?lang=en");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        String text = textOf(answer.body());
        ReadableText.readsAsWords(text, namedIds(caseId));
        assertThat(text).contains("Case file ", "Secrecy under OSL 26 kap. 1 §", "Alva Exempel, ", "Report of concern received from school",
                "All times in this file are Swedish local time (Europe/Stockholm).");
    }

    @Test
    void aCaseWorkerIsRefusedThePdfAndTheUnitHeadsReadAndTheRefusalAreInTheAccessLog() {
        String caseId = Fixtures.openCase(http);
        String path = "/api/v1/audit/cases/" + caseId + "/export.pdf";

        BinaryResponse caseWorker = http.as("anna").getBytes(path);
        BinaryResponse unitHead = http.as("lars").getBytes(path);

        assertThat(caseWorker.status()).isEqualTo(403);
        assertThat(caseWorker.header("Content-Type")).startsWith("application/problem+json");
        assertThat(new String(caseWorker.body(), StandardCharsets.UTF_8))
                .contains("/problems/forbidden", "Den signerade akten exporteras av granskare och enhetschefen.");
        assertThat(unitHead.status()).as(unitHead.toString()).isEqualTo(200);
        List<String> logged = new ArrayList<>();
        http.as("ivo").get("/api/v1/audit/access-log?caseId=" + caseId + "&limit=1000").json().forEach(entry -> logged.add(
                entry.path("staffId").asString() + " " + entry.path("outcome").asString() + " " + entry.path("what").asString()));
        assertThat(logged).contains("anna.lind REFUSED GET /api/v1/audit/cases/{caseId}/export.pdf",
                "lars.nilsson READ GET /api/v1/audit/cases/{caseId}/export.pdf");
    }

    @Test
    void afterTheChildIsErasedThePdfShowsErasedWhereTheirDataWasAndTheSameHashes() throws IOException {
        String child = Fixtures.registerChild(http);
        Response opened = Fixtures.openCaseOnSchoolReport(http, child);
        String caseId = opened.field("caseId");
        String secret = "Hemligt-" + UUID.randomUUID();
        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", secret)).status()).isEqualTo(201);
        sealEverything();
        List<String> hashesBefore = CaseFiles.body(http.as("ivo").get("/api/v1/audit/cases/" + caseId + "/export").text()).path("events")
                .findValuesAsString("hash");

        Response erased = http.as("lars").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "RETENTION"));
        BinaryResponse answer = http.as("ivo").getBytes("/api/v1/audit/cases/" + caseId + "/export.pdf");

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        String text = textOf(answer.body());
        assertThat(text).contains("Journalanteckning: [raderad]", "Barn [raderad]").doesNotContain(secret).doesNotContain("Alva Exempel");
        assertThat(text).as("the hashes do not depend on the erased data").contains(hashesBefore);
    }

    /** The ids the file names as what they are: the case's, and any in the log's origin (the ledger's identity). */
    private List<String> namedIds(String caseId) {
        String origin = CaseFiles.body(http.as("ivo").get("/api/v1/audit/cases/" + caseId + "/export").text()).path("log").path("origin")
                .asString();
        List<String> ids = new ArrayList<>(List.of(caseId));
        Matcher id = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(origin);
        while (id.find()) {
            ids.add(id.group());
        }
        return ids;
    }

    private void sealEverything() {
        Response sealed;
        do {
            sealed = http.as("lars").postRaw("/api/v1/audit/checkpoints", "");
            assertThat(sealed.status()).as(sealed.toString()).isIn(200, 201);
        } while (sealed.status() == 201);
    }

    private static List<String> treeSizeAndRoot(JsonNode export) {
        List<String> lines = export.path("checkpoint").asString().lines().toList();
        return List.of(lines.get(1) + " händelser i hela liggaren", lines.get(2));
    }

    /** The PDF's text with every run of white space made one space, so wrapped lines read as written. */
    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static byte[] attachment(byte[] pdf, String caseId) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDComplexFileSpecification file = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .get("case-" + caseId + ".json");
            return file.getEmbeddedFile().toByteArray();
        }
    }

    private static void keepForAPerson(byte[] pdf) throws IOException {
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve("sample-case-file.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 110);
                ImageIO.write(image, "png", SAMPLES.resolve("sample-case-file-page-" + (page + 1) + ".png").toFile());
            }
        }
    }
}
