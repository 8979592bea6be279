package org.caseledger.api.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.caseledger.api.integrity.CheckpointSealer;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.Kit;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rich case (every event type of a case, a correction, an erased household member) exported for IVO is verified and
 * replayed by the kit as its own process, with no database and no network: at every event and at three instants, in
 * Swedish and in English, its case view, timeline and compliance equal what the ledger's API answers for the same
 * moment, field by field. Without IVO's key it verifies and shows no personal field; with another recipient's key it
 * refuses; with one byte changed it refuses before it shows anything. The printed case file checks out, and an edited
 * one is caught.
 */
class CaseFileReplayIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path FILES = Path.of("target", "replay-files");
    private static final Path IVO_KEY = Path.of("src", "test", "resources", "recipients", "ivo.key");
    /** Texts the case's personal fields hold: none may show without the recipient's key. */
    private static final List<String> PERSONAL = List.of("hungry", "The police were called", "Placed with relatives", "Met the mother",
            "Talked with the older sister", "Weekend relief", "Plan support in class", "duty to report", "The family moved", "Alva Exempel",
            "Maja Exempel");

    @Autowired
    private CheckpointSealer sealer;

    private String caseId;
    private Path file;
    private Path ledgerKey;

    @BeforeEach
    void aRichCaseExportedForIvo() throws IOException {
        caseId = richCase();
        while (sealer.sealNext().isPresent()) {
            // seal everything pending, so that the file carries inclusion proofs
        }
        Response export = http.as("ivo").header("X-Purpose", "IVO supervision, dnr 3.1-1234/2026").post("/api/v1/audit/cases/" + caseId + "/exports",
                Map.of("recipient", "ivo"));
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        Path directory = Files.createDirectories(FILES);
        file = Files.writeString(directory.resolve("case-" + caseId + "-for-ivo.json"), export.text());
        ledgerKey = Files.writeString(directory.resolve("ledger-public-key.pem"), http.anonymous().get("/api/v1/audit/public-key").text());
    }

    @Test
    void theKitReplaysEveryEventAndThreeInstantsAsTheLedgerAnswersThemInSwedishAndEnglish() throws Exception {
        JsonNode history = http.as("ivo").get("/api/v1/cases/" + caseId + "/history").json();
        int events = history.size();
        List<String> differences = new ArrayList<>();
        for (String language : List.of("sv", "en")) {
            Kit.Run everyEvent = Kit.run("replay", file.toString(), "--public-key", ledgerKey.toString(), "--key", IVO_KEY.toString(),
                    "--every-event", "--lang", language, "--json");
            assertThat(everyEvent.exitCode()).as(everyEvent.output()).isZero();
            List<String> answers = everyEvent.output().lines().toList();
            assertThat(answers).as("one answer per event").hasSize(events);
            for (int event = 0; event < events; event++) {
                compare("asOfEvent=" + event, language, JSON.readTree(answers.get(event)), differences);
            }
            for (int at : new int[] {events / 4, events / 2, 3 * events / 4}) {
                String instant = history.get(at).path("envelope").path("recordedAt").asString();
                Kit.Run run = Kit.run("replay", file.toString(), "--public-key", ledgerKey.toString(), "--key", IVO_KEY.toString(),
                        "--as-of", instant, "--lang", language, "--json");
                assertThat(run.exitCode()).as(run.output()).isZero();
                compare("asOf=" + instant, language, JSON.readTree(run.output()), differences);
            }
        }
        assertThat(differences).as("fields where the kit's replay and the ledger's answer differ").isEmpty();
    }

    /** The kit's answer at a moment against the ledger's answers to the same moment, field by field. */
    private void compare(String moment, String language, JsonNode replayed, List<String> differences) {
        String query = "?" + moment.replace("+", "%2B");
        diff(moment + " " + language + " view", api("/api/v1/cases/" + caseId + query), replayed.path("view"), differences);
        diff(moment + " " + language + " timeline", api("/api/v1/cases/" + caseId + "/timeline" + query + "&limit=1000&lang=" + language),
                replayed.path("timeline"), differences);
        diff(moment + " " + language + " compliance", api("/api/v1/cases/" + caseId + "/compliance" + query), replayed.path("compliance"),
                differences);
    }

    @Test
    void theKitShowsTheCaseInSwedishWithCorrectionsBesideWhatTheyCorrect() throws Exception {
        Kit.Run run = Kit.run("replay", file.toString(), "--public-key", ledgerKey.toString(), "--key", IVO_KEY.toString(),
                "--html", FILES.resolve("case-" + caseId + ".html").toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Verifierad", "Exporterad", "Inspektionen för vård och omsorg", "Tidslinje", "Regelefterlevnad",
                "20 kap. 2 § socialtjänstlagen (2025:400)", "Rättar händelse", "Rättad av händelse", "Met the mother and her sister.",
                "handläggare", "Utredning inom fyra månader", "Barnet: Alva Exempel, ", "I hushållet: [raderad], –");
        assertThat(run.output()).as("the erased household member stays unreadable").doesNotContain("Maja Exempel");
        assertThat(Files.readString(FILES.resolve("case-" + caseId + ".html"))).contains("<h1>", "Tidslinje");
    }

    @Test
    void theExportIsLoggedAsAReadWithItsPurposeAndRefusedToCaseWork() {
        List<String> logged = new ArrayList<>();
        http.as("ivo").get("/api/v1/audit/access-log?caseId=" + caseId + "&limit=1000").json().forEach(entry -> logged.add(
                entry.path("staffId").asString() + " " + entry.path("what").asString() + " " + entry.path("outcome").asString() + " "
                        + entry.path("purpose").asString()));

        assertThat(logged).contains("ivo.granskare POST /api/v1/audit/cases/{caseId}/exports READ IVO supervision, dnr 3.1-1234/2026");
        // the case is now central-reception's, whose case worker reads it but does not export it
        Response refused = http.as("sara").post("/api/v1/audit/cases/" + caseId + "/exports", Map.of("recipient", "ivo"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        Response expired = http.as("ivo").post("/api/v1/audit/cases/" + caseId + "/exports", Map.of("recipient", "old-auditors"));
        assertThat(expired.status()).as(expired.toString()).isEqualTo(400);
    }

    @Test
    void withoutTheRecipientsKeyTheFileVerifiesButShowsNoPersonalField() throws Exception {
        Kit.Run run = Kit.run("replay", file.toString(), "--public-key", ledgerKey.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("INTACT", "ingen personuppgift visas", "[krypterad: ingen nyckel till den]");
        assertThat(PERSONAL).noneMatch(run.output()::contains);
        Kit.Run verified = Kit.run("case-file", file.toString(), "--public-key", ledgerKey.toString());
        assertThat(verified.exitCode()).as("anyone verifies it, with the verifier's own command: " + verified.output()).isZero();
        assertThat(verified.output()).startsWith("INTACT");
    }

    @Test
    void withAnotherRecipientsKeyTheKitRefuses() throws Exception {
        Path directory = Files.createDirectories(FILES.resolve("other-" + UUID.randomUUID()));
        Kit.Run keygen = Kit.run("keygen", "auditors", "--recipient", "--out", directory.toString());
        assertThat(keygen.exitCode()).as(keygen.output()).isZero();

        Kit.Run run = Kit.run("replay", file.toString(), "--public-key", ledgerKey.toString(), "--key", directory.resolve("auditors.key").toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).startsWith("REFUSED").contains("Inspektionen för vård och omsorg");
        assertThat(PERSONAL).noneMatch(run.output()::contains);
    }

    @Test
    void aFileWithOneChangedByteIsRefusedBeforeAnythingIsShown() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("\\\"payload\\\"") + 20;
        bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
        Path changed = Files.write(FILES.resolve("changed-" + caseId + ".json"), bytes);

        Kit.Run run = Kit.run("replay", changed.toString(), "--public-key", ledgerKey.toString(), "--key", IVO_KEY.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).startsWith("BROKEN").contains("nothing in it is shown").doesNotContain("Tidslinje", "Ärendet");
        assertThat(PERSONAL).noneMatch(run.output()::contains);
    }

    @Test
    void anErasedChildsCaseStaysUnreadableToTheRecipientAndReadsAsTheLedgerShowsIt() throws Exception {
        String child = Fixtures.registerChild(http);
        Response opened = ok(Fixtures.openCaseOnSchoolReport(http, child));
        String erasedCase = opened.field("caseId");
        ok(http.as("anna").post("/api/v1/cases/" + erasedCase + "/notes", Map.of("text", "Met the grandmother.")));
        ok(http.as("lars").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST")));
        while (sealer.sealNext().isPresent()) {
            // seal everything pending
        }
        Response export = http.as("ivo").post("/api/v1/audit/cases/" + erasedCase + "/exports", Map.of("recipient", "ivo"));
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(JSON.readTree(JSON.readTree(export.text()).path("body").asString()).path("recipient").path("erasedKeys").size())
                .as("the case's key and the child's own, both destroyed").isEqualTo(2);
        Path erased = Files.writeString(FILES.resolve("case-" + erasedCase + "-erased.json"), export.text());

        Kit.Run json = Kit.run("replay", erased.toString(), "--public-key", ledgerKey.toString(), "--key", IVO_KEY.toString(), "--event", "2",
                "--json");
        Kit.Run text = Kit.run("replay", erased.toString(), "--public-key", ledgerKey.toString(), "--key", IVO_KEY.toString());

        assertThat(json.exitCode()).as(json.output()).isZero();
        List<String> differences = new ArrayList<>();
        diff("view", api("/api/v1/cases/" + erasedCase + "?asOfEvent=2"), JSON.readTree(json.output()).path("view"), differences);
        diff("timeline", api("/api/v1/cases/" + erasedCase + "/timeline?asOfEvent=2"), JSON.readTree(json.output()).path("timeline"), differences);
        assertThat(differences).isEmpty();
        assertThat(text.output()).contains("förstört 2 nyckel", "Barnet: [raderad], –", "[raderad]")
                .doesNotContain("Met the grandmother", "hungry", "Alva Exempel");
    }

    @Test
    void thePrintedCaseFileIsCheckedAndAnEditedOneIsCaught() throws Exception {
        LedgerHttp.BinaryResponse pdf = http.as("ivo").getBytes("/api/v1/audit/cases/" + caseId + "/export.pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        Path printed = Files.write(FILES.resolve("case-" + caseId + ".pdf"), pdf.body());

        Kit.Run genuine = Kit.run("pdf", printed.toString(), "--public-key", ledgerKey.toString());

        assertThat(genuine.exitCode()).as(genuine.output()).isZero();
        assertThat(genuine.output()).contains("signature: holds", "attached case file: INTACT",
                "printed timeline: every entry says what the signed events say");

        byte[] edited = oneTimelineLineRetyped(pdf.body(), "Met the mother and her sister.", "Met the father.");
        Path forged = Files.write(FILES.resolve("edited-" + caseId + ".pdf"), edited);
        Kit.Run caught = Kit.run("pdf", forged.toString(), "--public-key", ledgerKey.toString());

        assertThat(caught.exitCode()).as(caught.output()).isEqualTo(2);
        assertThat(caught.output()).contains("signature: BROKEN", "REFUSED: the printed case file is not the ledger's");
    }

    /**
     * The PDF as an editor leaves it when one line of the timeline is typed over: the old words covered, the new ones
     * written in their place, the file saved. The edit shows: the page's text reads the new line.
     */
    private static byte[] oneTimelineLineRetyped(byte[] pdf, String line, String retyped) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int index = 0; index < document.getNumberOfPages(); index++) {
                PDFTextStripper text = new PDFTextStripper();
                text.setStartPage(index + 1);
                text.setEndPage(index + 1);
                if (text.getText(document).replaceAll("\\s+", " ").contains(line)) {
                    PDPage page = document.getPage(index);
                    try (PDPageContentStream over = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                        over.beginText();
                        over.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                        over.newLineAtOffset(200, 400);
                        over.showText(retyped);
                        over.endText();
                    }
                    ByteArrayOutputStream saved = new ByteArrayOutputStream();
                    document.save(saved);
                    try (PDDocument check = Loader.loadPDF(saved.toByteArray())) {
                        assertThat(new PDFTextStripper().getText(check)).contains(retyped);
                    }
                    return saved.toByteArray();
                }
            }
        }
        throw new AssertionError("no page prints " + line);
    }

    private JsonNode api(String path) {
        Response response = http.as("ivo").get(path);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
        return response.json();
    }

    /** Every path at which the two trees differ, with both values. */
    private static void diff(String where, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            List<String> names = new ArrayList<>(expected.propertyNames());
            actual.propertyNames().forEach(name -> {
                if (!names.contains(name)) {
                    names.add(name);
                }
            });
            names.forEach(name -> diff(where + "." + name, expected.path(name), actual.path(name), differences));
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> left = expected.iterator();
            Iterator<JsonNode> right = actual.iterator();
            for (int i = 0; left.hasNext(); i++) {
                diff(where + "[" + i + "]", left.next(), right.next(), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(where + ": ledger " + expected + ", kit " + actual);
        }
    }

    /** Every event type of a case (as EventCatalogueIT makes them), a correction, and a household member erased. */
    private String richCase() {
        LedgerHttp anna = http.as("anna");
        LedgerHttp karin = http.as("karin");
        String child = Fixtures.registerChild(http);
        String household = UUID.randomUUID().toString();
        Response opened = ok(anna.post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child, "household", household,
                "receivedAt", "2026-03-02T08:15:00Z", "occurredAt", "2026-03-02T08:20:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "The class teacher is worried: Alva has come to school hungry."))));
        String path = "/api/v1/cases/" + opened.field("caseId");
        String member = ok(anna.post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Maja Exempel",
                "household", household))).field("personId");

        ok(karin.post(path + "/decisions", Map.of("kind", "DO_NOT_OPEN_INVESTIGATION", "legalBasis", "SFS2025:400-20kap2",
                "rationale", "The first report alone does not call for an investigation.")));
        ok(anna.post(path + "/reports", Map.of("reporterType", "POLICE", "summary", "The police were called to the home.")));
        ok(anna.post(path + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2025:400-20kap2",
                "rationale", "A second report.", "occurredAt", "2026-03-10T09:00:00Z")));
        ok(karin.post(path + "/decisions", Map.of("kind", "EXTEND_INVESTIGATION", "legalBasis", "SFS2025:400-20kap6",
                "rationale", "Waiting for the child psychiatry assessment.", "investigationExtendedUntil", "2026-09-10")));
        ok(anna.post(path + "/assessments", Map.of("reportId", opened.field("reportId"), "immediateNeedOfProtection", true,
                "rationale", "Placed with relatives tonight.")));
        ok(karin.post(path + "/assignments", Map.of("assignee", "omar.hassan")));
        ok(anna.post(path + "/child-hearings", Map.of("summary", "Talked with the older sister at school.")));
        ok(anna.post(path + "/child-not-heard-reasons", Map.of("reason", "The younger child is two years old.")));
        String held = ok(anna.post(path + "/visits", Map.of("plannedAt", "2026-03-20T09:00:00Z", "place", "HOME"))).field("visitId");
        ok(anna.post(path + "/visits/" + held + "/held", Map.of()));
        String missed = ok(anna.post(path + "/visits", Map.of("plannedAt", "2026-03-21T09:00:00Z", "place", "OFFICE"))).field("visitId");
        ok(anna.post(path + "/visits/" + missed + "/missed", Map.of()));
        String note = ok(anna.post(path + "/notes", Map.of("text", "Met the mother.", "occurredAt", "2026-03-03T10:00:00Z"))).field("noteId");
        ok(anna.post(path + "/notes/" + note + "/corrections", Map.of("text", "Met the mother and her sister.", "reason", "Incomplete.")));
        String visit = ok(anna.post(path + "/visits", Map.of("plannedAt", "2026-04-01T09:00:00Z", "place", "SCHOOL"))).field("visitId");
        ok(anna.post(path + "/visits/" + visit + "/cancellation", Map.of("cancelledBy", "FAMILY", "reason", "Illness.")));
        ok(anna.post(path + "/contacts", Map.of("channel", "COLLABORATION_MEETING", "initiatedBy", "PARTNER", "partner", "POLICE",
                "summary", "Meeting with the community police officer.")));
        ok(karin.post(path + "/decisions", Map.of("kind", "DENY_INTERVENTION", "legalBasis", "SFS2025:400-9kap1",
                "interventionType", "PLACEMENT", "rationale", "Needs can be met at home.", "appealInformationGiven", true)));
        String declined = ok(anna.post(path + "/interventions", Map.of("type", "PARENTING_PROGRAMME"))).field("interventionId");
        ok(anna.post(path + "/interventions/" + declined + "/declination", Map.of("reason", "Not now.")));
        String service = ok(anna.post(path + "/interventions", Map.of("type", "SERVICE_SUPPORT"))).field("interventionId");
        ok(anna.post(path + "/interventions/" + service + "/acceptance", Map.of()));
        ok(anna.post(path + "/interventions/" + service + "/start", Map.of()));
        ok(anna.post(path + "/interventions/" + service + "/follow-ups", Map.of("summary", "Went with the mother to the tax office.")));
        ok(anna.post(path + "/interventions/" + service + "/end", Map.of("reason", "Done.")));
        String contactFamily = ok(karin.post(path + "/decisions", Map.of("kind", "GRANT_INTERVENTION", "legalBasis", "SFS2025:400-9kap1",
                "interventionType", "CONTACT_FAMILY", "rationale", "Weekend relief.", "appealInformationGiven", true))).field("interventionId");
        ok(anna.post(path + "/interventions", Map.of("interventionId", contactFamily, "type", "CONTACT_FAMILY")));
        ok(anna.post(path + "/interventions/" + contactFamily + "/acceptance", Map.of()));
        ok(anna.post(path + "/interventions/" + contactFamily + "/start", Map.of()));
        ok(anna.post(path + "/decisions", Map.of("kind", "END_INTERVENTION", "legalBasis", "SFS2025:400-9kap1",
                "interventionId", contactFamily, "rationale", "The family asked to end it.")));
        String consent = ok(anna.post(path + "/consents", Map.of("person", member, "partner", "SCHOOL", "partnerName", "Vivallaskolan",
                "purpose", "Plan support in class.", "validFrom", "2026-01-01"))).field("consentId");
        ok(anna.post(path + "/disclosures", Map.of("partner", "SCHOOL", "partnerName", "Vivallaskolan", "consent", consent,
                "content", "Alva receives family support; please tell us if she is absent.")));
        ok(anna.post(path + "/consents/" + consent + "/withdrawal", Map.of()));
        ok(anna.post(path + "/disclosures", Map.of("partner", "POLICE", "partnerName", "Polisen Örebro", "provision", "SFS2009:400-10kap28",
                "content", "Information requested under the duty to report.")));
        ok(http.as("lars").post("/api/v1/persons/" + member + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST")));
        ok(anna.post(path + "/transfers", Map.of("toUnit", "central-reception", "reason", "The family moved.")));
        ok(http.as("sara").post(path + "/closure", Map.of("reason", "Received on transfer and closed.")));
        return opened.field("caseId");
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }
}
