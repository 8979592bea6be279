package org.caseledger.api.access;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator rebuilds the access index by replay, as any read model (docs/privacy.md). */
@RestController
class AccessIndexController {

    private final AccessIndexReplay replay;

    /** What the rebuild did. */
    record Rebuilt(@Schema(requiredMode = REQUIRED, description = "The events replayed into the index") long eventsFolded) {
    }

    AccessIndexController(AccessIndexReplay replay) {
        this.replay = replay;
    }

    @Operation(summary = "Rebuild the access index", description = """
            Rebuilds, by replaying every event, the index that decides who may see which case and person \
            (docs/privacy.md). Answers how many events were folded.""")
    @PostMapping("/api/v1/admin/access-index/rebuild")
    Rebuilt rebuild() {
        return new Rebuilt(replay.rebuild());
    }
}
