package org.caseledger.api.casefile;

import org.caseledger.api.security.CurrentStaff;
import org.caseledger.core.cases.CaseId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The case file as a PDF, beside the verifiable JSON export and decided and logged by the same access guard. */
@RestController
class CaseFilePdfController {

    private final CaseFilePrinter printer;

    CaseFilePdfController(CaseFilePrinter printer) {
        this.printer = printer;
    }

    @GetMapping("/api/v1/audit/cases/{caseId}/export.pdf")
    ResponseEntity<byte[]> export(@PathVariable CaseId caseId) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("case-" + caseId + ".pdf").build().toString())
                .body(printer.print(caseId, CurrentStaff.get()));
    }
}
