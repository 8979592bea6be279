package org.caseledger.api.casefile;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF, the reference PDF/A validator, run on a document as it would be in an archive: the level is the one the
 * document claims in its metadata, and every rule of that level's profile is checked.
 */
final class PdfAConformance {

    /** What veraPDF found: the level the document claims, whether it conforms, and the rules it breaks. */
    record Report(PDFAFlavour claimed, boolean compliant, List<String> failures) {
    }

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfAConformance() {
    }

    static Report check(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
             PDFAValidator validator = Foundries.defaultInstance().createValidator(parser.getFlavour(), false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
                            + assertion.getMessage())
                    .distinct().toList();
            return new Report(parser.getFlavour(), result.isCompliant(), failures);
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not read the document", e);
        }
    }
}
