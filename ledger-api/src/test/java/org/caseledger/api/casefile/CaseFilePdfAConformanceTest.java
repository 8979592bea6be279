package org.caseledger.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.caseledger.api.wording.Bundles;
import org.caseledger.api.wording.Wording;
import org.caseledger.projections.wording.Words;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The printed case file is what it claims to be for the archive: PDF/A-3u, as veraPDF checks it, in both languages. */
class CaseFilePdfAConformanceTest {

    private final Wording wording = Bundles.wording();

    @Test
    void theCaseFileIsValidPdfA3uInSwedishAndInEnglish() throws Exception {
        for (Locale language : List.of(Bundles.SWEDISH, Bundles.ENGLISH)) {
            Words words = wording.words(language);
            byte[] pdf = CaseFileSamples.pdf().render(CaseFileSamples.contents(CaseFileSamples.everyKindOfEvent("Flyttade hit 2023."), wording,
                    words, new CaseFileContents.Person("Alva Exempel", "20150312-2386", false), List.of()));

            PdfAConformance.Report report = PdfAConformance.check(pdf);

            assertThat(report.claimed()).as("the level the document claims").isEqualTo(PDFAFlavour.PDFA_3_U);
            assertThat(report.failures()).as("rules of PDF/A-3u the document breaks, in " + language).isEmpty();
            assertThat(report.compliant()).isTrue();
        }
    }
}
