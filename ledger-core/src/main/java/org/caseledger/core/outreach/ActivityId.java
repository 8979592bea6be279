package org.caseledger.core.outreach;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies one activity of the office's work outside formal cases. */
public record ActivityId(@JsonValue UUID value) {

    public ActivityId {
        Require.present(value, "activityId");
    }

    public static ActivityId random() {
        return new ActivityId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ActivityId of(String value) {
        return new ActivityId(Identifiers.uuid(value, "activityId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
