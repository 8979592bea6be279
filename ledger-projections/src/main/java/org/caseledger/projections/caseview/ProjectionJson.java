package org.caseledger.projections.caseview;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.stereotype.Component;

/** The JSON form of stored read-model documents: ISO dates and times, tolerant of fields added later. */
@Component
public class ProjectionJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(CaseView.class, StoredOnly.class);

    public ObjectMapper mapper() {
        return mapper;
    }

    /** What the stored document holds beyond the answer: the API's mapper honours {@link JsonIgnore}, this one not. */
    private abstract static class StoredOnly {
        @JsonIgnore(false)
        @JsonProperty
        int foldRevision;
    }
}
