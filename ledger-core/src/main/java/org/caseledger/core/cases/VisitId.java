package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies one booked visit within a case. */
public record VisitId(@JsonValue UUID value) {

    public VisitId {
        Require.present(value, "visitId");
    }

    public static VisitId random() {
        return new VisitId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VisitId of(String value) {
        return new VisitId(Identifiers.uuid(value, "visitId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
