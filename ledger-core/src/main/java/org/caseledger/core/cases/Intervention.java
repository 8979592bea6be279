package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the case knows of one intervention, from the first offer or decision to its end. Only the
 * aggregate's event-sourcing handlers change it.
 */
final class Intervention {

    final InterventionType type;
    boolean offered;
    boolean accepted;
    boolean declined;
    boolean granted;
    boolean denied;
    boolean started;
    boolean ended;

    /** The creator a case's snapshot is read back through; the flags are then set field by field. */
    @JsonCreator
    Intervention(@JsonProperty("type") InterventionType type) {
        this.type = type;
    }

    boolean needsGrantToStart() {
        return type != InterventionType.SERVICE_SUPPORT;
    }
}
