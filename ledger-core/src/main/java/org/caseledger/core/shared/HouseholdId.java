package org.caseledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies a household, so that work with the whole family can be seen together. */
public record HouseholdId(@JsonValue UUID value) {

    public HouseholdId {
        Require.present(value, "householdId");
    }

    public static HouseholdId random() {
        return new HouseholdId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static HouseholdId of(String value) {
        return new HouseholdId(Identifiers.uuid(value, "householdId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
