package org.caseledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.caseledger.core.shared.Require;

/** Identifies a member of staff (handläggare, gruppledare, enhetschef …) as the actor of an event. */
public record StaffId(@JsonValue String value) {

    /** The form a value must have; public because the API's OpenAPI document states it. */
    public static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StaffId {
        Require.matching(value, FORMAT, "staffId", ValueProblem.STAFF_ID_FORMAT, "2–64 lower-case letters, digits, dots, dashes or underscores");
    }

    public static StaffId of(String value) {
        return new StaffId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
