package org.caseledger.projections.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.caseledger.core.person.ErasureReason;
import org.caseledger.core.person.PersonErased;
import org.springframework.stereotype.Component;

/**
 * Reads {@link PersonErased} stored in revision 1, whose reason was plain text, as revision 2: the retention run's
 * text (it began "Retention:") becomes {@link ErasureReason#RETENTION}, any other {@link ErasureReason#NOT_CODED}, and
 * the text itself is not carried on, so the ledger no longer shows it. The stored bytes still hold it (rows are never
 * rewritten; docs/privacy.md says what that leaves).
 */
@Component
public class PersonErasedUpcaster extends SingleEventUpcaster {

    public static final SerializedType REVISION_1 = new SimpleSerializedType(PersonErased.class.getName(), "1");
    public static final SerializedType REVISION_2 = new SimpleSerializedType(PersonErased.class.getName(), "2");
    private static final String RETENTION_RUN_TEXT = "Retention:";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, PersonErasedUpcaster::toRevision2);
    }

    public static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode event = revision1.deepCopy();
        JsonNode reason = event.remove("reason");
        boolean byRetention = reason != null && reason.isTextual() && reason.asText().startsWith(RETENTION_RUN_TEXT);
        event.put("reason", (byRetention ? ErasureReason.RETENTION : ErasureReason.NOT_CODED).name());
        event.putNull("note");
        return event;
    }
}
