package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies one report of concern (orosanmälan) within a case. */
public record ReportId(@JsonValue UUID value) {

    public ReportId {
        Require.present(value, "reportId");
    }

    public static ReportId random() {
        return new ReportId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ReportId of(String value) {
        return new ReportId(Identifiers.uuid(value, "reportId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
