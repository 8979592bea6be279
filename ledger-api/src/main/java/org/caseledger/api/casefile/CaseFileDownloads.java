package org.caseledger.api.casefile;

import jakarta.servlet.http.HttpServletRequest;
import org.caseledger.api.integrity.CaseFileExporter;
import org.caseledger.api.problems.ProblemLanguage;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.core.cases.CaseId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case file downloaded from the case page: the same PDF and the same signed file as the API's exports, for the
 * member of staff signed in to the pages. Both paths lie under the case page's, so the case access guard decides and
 * logs them as it does the page and the API's exports. The PDF is in the page's language.
 */
@Controller
class CaseFileDownloads {

    private final CaseFilePrinter printer;
    private final CaseFileExporter exporter;

    CaseFileDownloads(CaseFilePrinter printer, CaseFileExporter exporter) {
        this.printer = printer;
        this.exporter = exporter;
    }

    @GetMapping("/ui/cases/{caseId}/case-file.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable CaseId caseId, HttpServletRequest request) {
        return download(MediaType.APPLICATION_PDF, "case-" + caseId + ".pdf",
                printer.print(caseId, CurrentStaff.get(), ProblemLanguage.of(request), null));
    }

    @GetMapping("/ui/cases/{caseId}/case-file.json")
    ResponseEntity<byte[]> signedFile(@PathVariable CaseId caseId) {
        return download(MediaType.APPLICATION_JSON, "case-" + caseId + ".json", exporter.export(caseId.toString(), null));
    }

    private static ResponseEntity<byte[]> download(MediaType type, String filename, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
