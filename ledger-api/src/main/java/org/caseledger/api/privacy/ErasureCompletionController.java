package org.caseledger.api.privacy;

import org.caseledger.api.problems.ProblemException;
import org.caseledger.api.problems.ProblemType;
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
    @PostMapping("/api/v1/admin/erasure-completion")
    ErasureCompletion.Completed complete() {
        return completion.complete().orElseThrow(() -> new ProblemException(ProblemType.ERASURE_COMPLETION_RUNNING,
                "another node is completing erasures"));
    }
}
