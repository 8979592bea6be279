package org.caseledger.api.snapshots;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How a snapshot is written: the aggregate's own fields as JSON, with the same settings as events (ISO times, typed ids
 * as plain text). The aggregate has no getters, and must not need any, so fields are read and written directly.
 * Unknown fields fail the read: a snapshot that does not fit the aggregate is not used half-way.
 */
public final class SnapshotJson {

    private SnapshotJson() {
    }

    public static Serializer serializer(ObjectMapper axonJson, RevisionResolver revisions) {
        ObjectMapper fields = axonJson.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(fields).revisionResolver(revisions).build();
    }
}
