package org.caseledger.core.law;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.caseledger.core.shared.Require;
import org.caseledger.core.shared.ValueProblem;

/** Identifies a legal basis in the configured catalogue, e.g. {@code SFS2025:400-20kap2}. */
public record LegalBasisId(@JsonValue String value) {

    /** The form a value must have; public because the API's OpenAPI document states it. */
    public static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9:._§-]{1,63}$");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LegalBasisId {
        Require.matching(value, FORMAT, "legalBasisId", ValueProblem.LEGAL_BASIS_ID_FORMAT, "2–64 letters, digits or the characters : . _ § -");
    }

    public static LegalBasisId of(String value) {
        return new LegalBasisId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
