package org.caseledger.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.caseledger.core.shared.Identifiers;
import org.caseledger.core.shared.Require;

/** Identifies one journal note (journalanteckning) or a correction of one. */
public record NoteId(@JsonValue UUID value) {

    public NoteId {
        Require.present(value, "noteId");
    }

    public static NoteId random() {
        return new NoteId(UUID.randomUUID());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static NoteId of(String value) {
        return new NoteId(Identifiers.uuid(value, "noteId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
