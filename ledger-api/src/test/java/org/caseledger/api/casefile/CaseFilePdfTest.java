package org.caseledger.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.caseledger.api.wording.Bundles;
import org.caseledger.api.wording.Wording;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.ChildHeard;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Role;
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

    @Test
    void givenAHearingRecordedFiveWeeksAfterItHappenedWhenTheCaseFileIsPrintedThenItsEntrySaysSo() throws IOException {
        List<CaseEvent> events = new ArrayList<>(CaseFileSamples.everyKindOfEvent("A note.").subList(0, 3));
        Envelope happened = CaseFileSamples.at(5, "anna.lind", Role.SOCIAL_SECRETARY);
        events.add(new ChildHeard(CaseId.of(CaseFileSamples.CASE_ID), "Barnet berättade om skolan.", new Envelope(happened.actor(), happened.role(),
                happened.unit(), happened.occurredAt(), happened.occurredAt().plus(Duration.ofDays(35)), happened.correlationId(),
                happened.causationId(), null)));
        Words words = wording.words(Bundles.SWEDISH);

        String text = ReadableText.textOf(CaseFileSamples.pdf().render(CaseFileSamples.contents(events, wording, words,
                new CaseFileContents.Person("Alva Exempel", "20150312-2386", false), List.of())));

        assertThat(text.replaceAll("\\s+", " ")).contains("Registrerades 35 dagar efter att det hände, mer än en vecka senare.");
    }

    private CaseFileContents contents(String note) {
        Words words = wording.words(Bundles.SWEDISH);
        return CaseFileSamples.contents(CaseFileSamples.everyKindOfEvent(note), wording, words,
                new CaseFileContents.Person("Alva Exempel", "20150312-2386", false), List.of());
    }
}
