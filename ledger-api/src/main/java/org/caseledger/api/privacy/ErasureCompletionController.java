package org.caseledger.api.privacy;

import org.caseledger.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator completes erasures at once instead of waiting for the next scheduled completion. */
@RestController
class ErasureCompletionController {

    private final ErasureCompletion completion;

    ErasureCompletionController(ErasureCompletion completion) {
        this.completion = completion;
    }

    /** What was done; 409 while another node is completing. */
    @PostMapping("/api/admin/erasure-completion")
    ErasureCompletion.Completed complete() {
        return completion.complete().orElseThrow(() -> new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT,
                "erasure-completion-running", "Erasures are being completed", "Another node is completing erasures now; try again "
                        + "when it is done."), null));
    }
}
