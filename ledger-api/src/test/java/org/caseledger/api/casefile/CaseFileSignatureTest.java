package org.caseledger.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.caseledger.api.wording.Bundles;
import org.caseledger.api.wording.Wording;
import org.caseledger.kit.pdf.PdfSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The printed case file is signed as a whole with the ledger's key, so its readable content is provably what the ledger
 * printed: checked on the file's bytes with Bouncy Castle's CMS, independently of PDFBox, which signed it.
 */
class CaseFileSignatureTest {

    private static byte[] pdf;

    @BeforeAll
    static void print() throws IOException {
        Wording wording = Bundles.wording();
        pdf = CaseFileSamples.pdf().render(CaseFileSamples.contents(CaseFileSamples.everyKindOfEvent("Flyttade hit 2023."), wording,
                wording.words(Bundles.SWEDISH), new CaseFileContents.Person("Alva Exempel", "20150312-2386", false), List.of()));
        Files.createDirectories(Path.of("target", "case-files"));
        Files.write(Path.of("target", "case-files", "signed-sample-case-file.pdf"), pdf);
    }

    @Test
    void theWholePrintedFileIsSignedWithTheLedgersKeyAsPades() {
        PdfSignature.Result result = PdfSignature.check(pdf, CaseFileSamples.SIGNING_KEY.getPublic());

        assertThat(result.coversWholeFile()).as("the signature covers every byte but its own").isTrue();
        assertThat(result.verifies()).as("the CMS signature holds over those bytes").isTrue();
        assertThat(result.signedByKey()).as("the signer's certificate carries the ledger's key").isTrue();
        assertThat(result.subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(result.sha512()).as("Ed25519 in CMS digests with SHA-512 (RFC 8419)").isTrue();
    }

    @Test
    void aSingleChangedByteAnywhereInTheSignedContentBreaksTheSignature() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            for (int position : new int[] {range[1] / 2, range[1] - 1, range[2] + range[3] / 2}) {
                byte[] changed = pdf.clone();
                changed[position] ^= 0x01;

                assertThat(PdfSignature.check(changed, CaseFileSamples.SIGNING_KEY.getPublic()).verifies())
                        .as("byte " + position + " changed").isFalse();
            }
        }
    }

    @Test
    void anotherKeyDoesNotVerifyTheFile() {
        PdfSignature.Result result = PdfSignature.check(pdf, CaseFileSamples.ed25519().getPublic());

        assertThat(result.verifies()).isFalse();
        assertThat(result.signedByKey()).isFalse();
    }

    @Test
    void theSignatureIsDatedWhenTheCaseFileWasExportedAndNamesTheDocument() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();

            assertThat(signature.getSignDate().toInstant()).as("to the second, as a PDF date is").hasToString("2026-06-12T10:00:00Z");
            assertThat(signature.getReason()).isEqualTo("Akt för ärende 2026-00042, så som liggaren skrev ut den");
            assertThat(signature.getName()).isEqualTo("Ärendeliggaren");
        }
    }
}
