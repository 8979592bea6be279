package org.caseledger.api.projections;

import io.swagger.v3.oas.annotations.Operation;
import org.caseledger.api.access.CaseLists;
import org.caseledger.api.processing.ProjectionAdmin;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.core.shared.UnitId;
import org.caseledger.projections.caseload.Caseload;
import org.caseledger.projections.caseload.CaseloadQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The unit head's caseload: open cases per case worker and their spread. */
@RestController
class CaseloadController {

    private final CaseloadQuery caseload;
    private final ProjectionAdmin projections;
    private final CaseLists caseLists;

    CaseloadController(CaseloadQuery caseload, ProjectionAdmin projections, CaseLists caseLists) {
        this.caseload = caseload;
        this.projections = projections;
        this.caseLists = caseLists;
    }

    /** For the caller's own unit unless another is named; says so in {@code Warning} while the case view is rebuilt. */
    @Operation(summary = "Read the caseload", description = """
            Open cases per case worker of a unit, and their spread: the caller's own unit unless another is named. \
            While the read models are rebuilt, a `Warning` header says the figures are incomplete.""")
    @GetMapping("/api/v1/caseload")
    ResponseEntity<Caseload> caseload(@RequestParam(required = false) UnitId unit) {
        UnitId which = caseLists.unitOrOwn(CurrentStaff.get(), unit);
        return projections.answer(caseload.forUnit(which.value()));
    }
}
