package org.caseledger.api.access;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator rebuilds the access index by replay, as any read model (docs/privacy.md). */
@RestController
class AccessIndexController {

    private final AccessIndexReplay replay;

    AccessIndexController(AccessIndexReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/api/v1/admin/access-index/rebuild")
    Map<String, Long> rebuild() {
        return Map.of("eventsFolded", replay.rebuild());
    }
}
