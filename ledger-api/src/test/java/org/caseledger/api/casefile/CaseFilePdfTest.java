package org.caseledger.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.caseledger.api.wording.Bundles;
import org.caseledger.api.wording.Wording;
import org.caseledger.projections.wording.Words;
import org.junit.jupiter.api.Test;

/** The PDF layout on its own, fed made-up contents: stored text prints as written and is never taken for markup. */
class CaseFilePdfTest {

    private static final String MARKUP = "<b>not bold</b> & <script>alert(1)</script> <img src=\"http://example.invalid/x.png\">";

    private final Wording wording = Bundles.wording();

    @Test
    void storedTextWithMarkupAndSwedishLettersIsPrintedExactlyAsWritten() throws IOException {
        byte[] pdf = CaseFileSamples.pdf().render(contents("Mötet på förskolan i Vivalla, Örebro: " + MARKUP));

        String text = ReadableText.textOf(pdf);
        assertThat(text).contains("Mötet på förskolan i Vivalla, Örebro:")
                .contains("<b>not bold</b> & <script>alert(1)</script>")
                .contains("<img src=\"http://example.invalid/x.png\">")
                .contains(CaseFileSamples.HASH);
    }

    @Test
    void theCheckpointNoteItsWitnessesTheKeyFingerprintAndTheKitsCommandArePrinted() throws IOException {
        String text = ReadableText.textOf(CaseFileSamples.pdf().render(contents("A note.")));

        assertThat(text).contains("41 händelser i hela liggaren", "zc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc0=",
                "Kontrasignerad av witness.example.org/w1", "0123456789abcdef", "java -jar ledger-verify.jar case-file");
    }

    @Test
    void theSignedCaseFileTravelsInsideThePdfAsItsAttachment() throws IOException {
        CaseFileContents contents = contents("A note.");

        try (PDDocument document = Loader.loadPDF(CaseFileSamples.pdf().render(contents))) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            PDComplexFileSpecification attached = names.getEmbeddedFiles().getNames().get("case-" + CaseFileSamples.CASE_ID + ".json");
            assertThat(attached.getEmbeddedFile().toByteArray()).isEqualTo(contents.json());
            assertThat(attached.getEmbeddedFile().getSubtype()).isEqualTo("application/json");
        }
    }

    private CaseFileContents contents(String note) {
        Words words = wording.words(Bundles.SWEDISH);
        return CaseFileSamples.contents(CaseFileSamples.everyKindOfEvent(note), wording, words,
                new CaseFileContents.Person("Alva Exempel", "20150312-2386", false), List.of());
    }
}
