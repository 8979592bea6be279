package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.ValueProblem;

/** The case number (diarienummer) people quote, e.g. {@code 2026-00042}: registration year and a serial. */
public record CaseNumber(@JsonValue String value) {

    /** The form a value must have; public because the API's OpenAPI document states it. */
    public static final Pattern FORMAT = Pattern.compile("^(19|20)[0-9]{2}-[0-9]{5,7}$");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CaseNumber {
        Require.matching(value, FORMAT, "caseNumber", ValueProblem.CASE_NUMBER_FORMAT, "a year and a serial of five to seven digits, such as 2026-00042");
    }

    public static CaseNumber of(String value) {
        return new CaseNumber(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
