package org.caseledger.kit.pdf;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a printed case file holds for the kit: the signed JSON case file attached inside it, and its text. */
public record PrintedCaseFile(Optional<byte[]> attachment, String text) {

    /** Reads the PDF; a file PDFBox cannot read is not a printed case file. */
    public static PrintedCaseFile read(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PrintedCaseFile(attachment(document), new PDFTextStripper().getText(document));
        }
    }

    private static Optional<byte[]> attachment(PDDocument document) throws IOException {
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        PDEmbeddedFilesNameTreeNode files = names == null ? null : names.getEmbeddedFiles();
        Map<String, PDComplexFileSpecification> named = files == null ? null : files.getNames();
        if (named == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, PDComplexFileSpecification> file : named.entrySet()) {
            PDEmbeddedFile embedded = file.getValue().getEmbeddedFile();
            if (file.getKey().startsWith("case-") && file.getKey().endsWith(".json") && embedded != null) {
                return Optional.of(embedded.toByteArray());
            }
        }
        return Optional.empty();
    }
}
