package org.caseledger.projections.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.caseledger.core.cases.ContactInitiator;
import org.caseledger.core.cases.ContactRecorded;
import org.springframework.stereotype.Component;

/**
 * Reads {@link ContactRecorded} stored in revision 1 as revision 2: {@code partner} is renamed {@code partnerType}, and
 * {@code initiatedBy}, which revision 1 did not ask for, becomes {@link ContactInitiator#NOT_RECORDED} rather than a
 * guess. Only the event read from the store changes; the stored bytes, and so their hash, stay as they were.
 */
@Component
public class ContactRecordedUpcaster extends SingleEventUpcaster {

    public static final SerializedType REVISION_1 = new SimpleSerializedType(ContactRecorded.class.getName(), "1");
    public static final SerializedType REVISION_2 = new SimpleSerializedType(ContactRecorded.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, ContactRecordedUpcaster::toRevision2);
    }

    public static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode event = revision1.deepCopy();
        JsonNode partner = event.remove("partner");
        event.set("partnerType", partner == null ? NullNode.instance : partner);
        event.put("initiatedBy", ContactInitiator.NOT_RECORDED.name());
        return event;
    }
}
