package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies one case (ärende); also the aggregate identifier of its event stream. */
public record CaseId(@JsonValue UUID value) {

    public CaseId {
        Require.present(value, "caseId");
    }

    public static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CaseId of(String value) {
        return new CaseId(Identifiers.uuid(value, "caseId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
