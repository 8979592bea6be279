package org.caseledger.api.casefile;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.caseledger.api.integrity.SigningKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Renders the case file as an A4 PDF (PDF/A-3u, for archives) with the signed JSON case file attached, so the paper
 * and the evidence travel together, and signs the whole document with the ledger's key ({@link CaseFileSignature}), so
 * the words on the paper are provably the ledger's. The fonts (DejaVu) are embedded, so every name and note prints as
 * written, and the renderer may load nothing from outside: the document is built from the ledger's own data only.
 */
@Component
class CaseFilePdf {

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    private final String css;
    private final byte[] colorProfile;
    private final CaseFileSignature signature;

    @Autowired
    CaseFilePdf(SigningKey key) throws IOException {
        this(new CaseFileSignature(key::sign, key.publicKey(), "case-ledger " + key.fingerprint().substring(0, 16)));
    }

    CaseFilePdf(CaseFileSignature signature) throws IOException {
        this.signature = signature;
        try (InputStream stylesheet = CaseFilePdf.class.getResourceAsStream("/casefile/case-file.css")) {
            if (stylesheet == null) {
                throw new IllegalStateException("the case file's stylesheet is missing from the classpath");
            }
            this.css = new String(stylesheet.readAllBytes(), StandardCharsets.UTF_8);
        }
        // PDF/A names the colour space its colours mean; sRGB is the JDK's own profile.
        this.colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    byte[] render(CaseFileContents contents) {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withW3cDocument(CaseFileXhtml.of(contents, css), null)
                .useFont(font("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true)
                .useFont(font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true)
                .useFont(font("DejaVuSans-Oblique.ttf"), "DejaVu Sans", 400, FontStyle.ITALIC, true)
                .useFont(font("DejaVuSansMono.ttf"), "DejaVu Sans Mono", 400, FontStyle.NORMAL, true)
                .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U)
                .useColorProfile(colorProfile)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withProducer("case ledger");
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            try (PDDocument pdf = renderer.createPDFKeepOpen()) {
                attach(pdf, contents);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                pdf.save(out);
                return signature.sign(out.toByteArray(), Instant.parse(contents.file().exportedAt()),
                        contents.words().text("app.name"),
                        contents.words().text("casefile.signature.reason", contents.theCase().caseNumber()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the case file could not be rendered as PDF", e);
        }
    }

    /** Attaches the signed case file as PDF/A-3 wants it: an associated file, the source of what the pages show. */
    private static void attach(PDDocument pdf, CaseFileContents contents) throws IOException {
        String name = CaseFileXhtml.attachmentName(contents.file().caseId());
        Calendar exportedAt = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        exportedAt.setTimeInMillis(Instant.parse(contents.file().exportedAt()).toEpochMilli());

        PDEmbeddedFile embedded = new PDEmbeddedFile(pdf, new ByteArrayInputStream(contents.json()));
        embedded.setSubtype("application/json");
        embedded.setSize(contents.json().length);
        embedded.setCreationDate(exportedAt);
        embedded.setModDate(exportedAt);

        PDComplexFileSpecification file = new PDComplexFileSpecification();
        file.setFile(name);
        file.setFileUnicode(name);
        file.setEmbeddedFile(embedded);
        file.setEmbeddedFileUnicode(embedded);
        file.setFileDescription(contents.words().text("casefile.file.description"));
        file.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");

        PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
        files.setNames(Map.of(name, file));
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(files);
        catalog.setNames(names);
        COSArray associated = new COSArray();
        associated.add(file);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    private static FSSupplier<InputStream> font(String file) {
        return () -> {
            InputStream font = CaseFilePdf.class.getResourceAsStream(FONTS + file);
            if (font == null) {
                throw new IllegalStateException("the font " + file + " is missing from the classpath");
            }
            return font;
        };
    }
}
