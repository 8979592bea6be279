package org.caseledger.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.caseledger.api.integrity.CaseFile;
import org.caseledger.projections.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

/** The PDF layout on its own, fed made-up contents: stored text prints as written and is never taken for markup. */
class CaseFilePdfTest {

    private static final String CASE_ID = "5b0f6a8e-2f0c-4a3e-9d55-0c1e2a7b9f10";
    private static final String HASH = "ab".repeat(32);
    private static final String ORIGIN = "case-ledger/test";
    private static final String VKEY = "case-ledger/test+0f6a4a2b+AQ" + "A".repeat(42) + "=";
    private static final String CHECKPOINT = ORIGIN + "\n41\n" + "zc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc0=\n\n"
            + "\u2014 " + ORIGIN + " " + "A".repeat(91) + "=\n"
            + "\u2014 witness.example.org/w1 AAAAAA" + "A".repeat(98) + "\n";
    private static final String MARKUP = "<b>not bold</b> & <script>alert(1)</script> <img src=\"http://example.invalid/x.png\">";

    @Test
    void storedTextWithMarkupAndSwedishLettersIsPrintedExactlyAsWritten() throws IOException {
        byte[] pdf = new CaseFilePdf().render(contents("Mötet på förskolan i Vivalla, Örebro: " + MARKUP));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Mötet på förskolan i Vivalla, Örebro:")
                    .contains("<b>not bold</b> & <script>alert(1)</script>")
                    .contains("<img src=\"http://example.invalid/x.png\">")
                    .contains(HASH);
        }
    }

    @Test
    void theCheckpointNoteItsWitnessesTheKeyFingerprintAndTheKitsCommandArePrinted() throws IOException {
        try (PDDocument document = Loader.loadPDF(new CaseFilePdf().render(contents("A note.")))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("41 events of the whole ledger", "zc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc0=",
                    "Cosigned by witness.example.org/w1", "0123456789abcdef", "java -jar ledger-verify.jar case-file");
        }
    }

    @Test
    void theSignedCaseFileTravelsInsideThePdfAsItsAttachment() throws IOException {
        CaseFileContents contents = contents("A note.");

        try (PDDocument document = Loader.loadPDF(new CaseFilePdf().render(contents))) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            PDComplexFileSpecification attached = names.getEmbeddedFiles().getNames().get("case-" + CASE_ID + ".json");
            assertThat(attached.getEmbeddedFile().toByteArray()).isEqualTo(contents.json());
            assertThat(attached.getEmbeddedFile().getSubtype()).isEqualTo("application/json");
        }
    }

    private static CaseFileContents contents(String note) {
        Instant opened = Instant.parse("2026-03-02T08:20:00Z");
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(0, "CaseOpened", "Case 2026-0001 opened at unit vivalla (report of concern)", opened, opened,
                        "anna.lind", "SOCIAL_SECRETARY", "vivalla", null, null, null),
                new TimelineEntry(1, "JournalNoteRecorded", "Journal note: " + note, opened, opened.plusSeconds(60),
                        "anna.lind", "SOCIAL_SECRETARY", "vivalla", null, null, null));
        CaseFile file = new CaseFile(CASE_ID, "2026-03-03T10:00:00Z", new CaseFile.Log(ORIGIN, VKEY), CHECKPOINT, null, List.of(
                event(0, 41, "org.caseledger.core.cases.CaseOpened", 40L),
                event(1, 42, "org.caseledger.core.cases.JournalNoteRecorded", null)));
        return new CaseFileContents(
                new CaseFileContents.Case("2026-0001", CASE_ID, "vivalla", "report of concern", "person-1", "household-1",
                        "open", "anna.lind", opened, opened),
                timeline,
                List.of(new CaseFileContents.Decision(2, LocalDate.of(2026, 3, 2), "open investigation", null, "anna.lind",
                        "social secretary", "DO-1.1", "SFS2025:400-20kap2", "SFS 2025:400 20 kap. 2 § – Förhandsbedömning",
                        false, false, LocalDate.of(2026, 7, 2), note)),
                "{\"format\":\"case-ledger/case-file/2\"}".getBytes(StandardCharsets.UTF_8), file, "ivo.granskare (auditor, supervision)",
                "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n", "0123456789abcdef" + "00".repeat(24));
    }

    private static CaseFile.Event event(long sequence, long globalIndex, String type, Long leafIndex) {
        return new CaseFile.Event(globalIndex, CASE_ID, sequence, "event-" + sequence, type, "1", "e30=", HASH, HASH,
                "00".repeat(32), HASH, leafIndex, leafIndex == null ? null : List.of("q83vEjRWeJA="));
    }
}
