package org.caseledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.caseledger.core.shared.Require;

/** Identifies an organisational unit, such as a local office or the central reception. */
public record UnitId(@JsonValue String value) {

    /** The form a value must have; public because the API's OpenAPI document states it. */
    public static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public UnitId {
        Require.matching(value, FORMAT, "unitId", ValueProblem.UNIT_ID_FORMAT, "2–40 lower-case letters, digits or dashes");
    }

    public static UnitId of(String value) {
        return new UnitId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
