package org.caseledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies a person; personal data about the person lives in the person's own stream. */
public record PersonId(@JsonValue UUID value) {

    public PersonId {
        Require.present(value, "personId");
    }

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PersonId of(String value) {
        return new PersonId(Identifiers.uuid(value, "personId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
