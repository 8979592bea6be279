package org.caseledger.api.privacy;

import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(summary = "Complete erasures now", description = """
            Completes the erasures recorded but not yet carried out in the read models and other nodes, at once instead \
            of at the next scheduled run; answers what was done. 409 while another node is completing.""")
    @PostMapping("/api/v1/admin/erasure-completion")
    ErasureCompletion.Completed complete() {
        return completion.complete().orElseThrow(() -> new ProblemException(ProblemType.ERASURE_COMPLETION_RUNNING,
                "another node is completing erasures"));
    }
}
