package org.caseledger.api.projections;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding read models by replay, and following the progress. */
@RestController
class ProjectionController {

    private final ProjectionAdmin admin;

    ProjectionController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/api/v1/admin/projections")
    List<ProjectionAdmin.Status> statuses() {
        return admin.statuses();
    }

    /** Rebuilds one projection, or every one when none is named; answers 202 and where to follow the progress. */
    @PostMapping("/api/v1/admin/projections/rebuild")
    ResponseEntity<List<ProjectionAdmin.Status>> rebuild(@RequestParam(required = false) String projection) {
        List<String> names = projection == null ? admin.names() : List.of(projection);
        List<ProjectionAdmin.Status> started = names.stream().map(admin::rebuild).toList();
        return ResponseEntity.accepted().header("Location", "/api/v1/admin/projections").body(started);
    }
}
