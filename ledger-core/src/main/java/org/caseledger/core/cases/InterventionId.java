package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies one intervention (insats) within a case, from offer or grant to its end. */
public record InterventionId(@JsonValue UUID value) {

    public InterventionId {
        Require.present(value, "interventionId");
    }

    public static InterventionId random() {
        return new InterventionId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static InterventionId of(String value) {
        return new InterventionId(Identifiers.uuid(value, "interventionId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
