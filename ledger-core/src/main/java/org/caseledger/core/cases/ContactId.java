package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies one recorded contact within a case. */
public record ContactId(@JsonValue UUID value) {

    public ContactId {
        Require.present(value, "contactId");
    }

    public static ContactId random() {
        return new ContactId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ContactId of(String value) {
        return new ContactId(Identifiers.uuid(value, "contactId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
