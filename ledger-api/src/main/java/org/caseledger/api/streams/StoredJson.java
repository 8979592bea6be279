package org.caseledger.api.streams;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/** A JSON text kept as it was written, and written again byte for byte: the body of a replayed answer. */
@JsonSerialize(using = StoredJson.Writer.class)
record StoredJson(String json) {

    static final class Writer extends ValueSerializer<StoredJson> {
        @Override
        public void serialize(StoredJson value, JsonGenerator generator, SerializationContext context) {
            generator.writeRawValue(value.json());
        }
    }
}
