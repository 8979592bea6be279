package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies one consent (samtycke) within a case. */
public record ConsentId(@JsonValue UUID value) {

    public ConsentId {
        Require.present(value, "consentId");
    }

    public static ConsentId random() {
        return new ConsentId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ConsentId of(String value) {
        return new ConsentId(Identifiers.uuid(value, "consentId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
