package org.caseledger.api.processing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    @Operation(summary = "Read the read models' state", description = """
            Each read model's processing: its position, whether it is replaying, and its segments.""")
    @GetMapping("/api/v1/admin/projections")
    List<ProjectionAdmin.Status> statuses() {
        return admin.statuses();
    }

    /** Rebuilds one projection, or every one when none is named; answers 202 and where to follow the progress. */
    @Operation(summary = "Rebuild read models", description = """
            Rebuilds one read model (`projection`), or every one, by replaying every event. Answers 202 at once: the \
            rebuild runs on, and `Location` is where to follow it.""")
    @ApiResponse(responseCode = "202", description = "Started: Location is where to follow the rebuild",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ProjectionAdmin.Status.class))))
    @PostMapping("/api/v1/admin/projections/rebuild")
    ResponseEntity<List<ProjectionAdmin.Status>> rebuild(@RequestParam(required = false) String projection) {
        List<String> names = projection == null ? admin.names() : List.of(projection);
        List<ProjectionAdmin.Status> started = names.stream().map(admin::rebuild).toList();
        return ResponseEntity.accepted().header("Location", "/api/v1/admin/projections").body(started);
    }
}
