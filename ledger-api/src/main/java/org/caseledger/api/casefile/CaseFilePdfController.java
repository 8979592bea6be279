package org.caseledger.api.casefile;

import jakarta.servlet.http.HttpServletRequest;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.contract.MayConflict;
import org.caseledger.api.problems.ProblemLanguage;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.core.cases.CaseId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case file as a PDF, beside the verifiable JSON export and decided and logged by the same access guard; in
 * Swedish, or in English on request ({@code ?lang=en}, the pages' cookie or {@code Accept-Language}).
 */
@RestController
class CaseFilePdfController {

    private final CaseFilePrinter printer;

    CaseFilePdfController(CaseFilePrinter printer) {
        this.printer = printer;
    }

    @MayConflict
    @GetMapping(value = "/api/v1/audit/cases/{caseId}/export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> export(@PathVariable CaseId caseId, HttpServletRequest request) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("case-" + caseId + ".pdf").build().toString())
                .body(printer.print(caseId, CurrentStaff.get(), ProblemLanguage.of(request), request.getHeader(AccessLog.PURPOSE_HEADER)));
    }
}
