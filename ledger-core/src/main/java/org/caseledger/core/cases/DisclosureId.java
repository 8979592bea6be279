package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies one disclosure of information (uppgiftsutlämnande) to a partner. */
public record DisclosureId(@JsonValue UUID value) {

    public DisclosureId {
        Require.present(value, "disclosureId");
    }

    public static DisclosureId random() {
        return new DisclosureId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DisclosureId of(String value) {
        return new DisclosureId(Identifiers.uuid(value, "disclosureId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
