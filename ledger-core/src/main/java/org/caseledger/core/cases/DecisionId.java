package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies one decision (beslut) within a case. */
public record DecisionId(@JsonValue UUID value) {

    public DecisionId {
        Require.present(value, "decisionId");
    }

    public static DecisionId random() {
        return new DecisionId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DecisionId of(String value) {
        return new DecisionId(Identifiers.uuid(value, "decisionId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
