package org.caseledger.kit.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The replay as JSON, each part in the shape the ledger's API answers it in, for programs and for comparing. */
public final class ReplayJson {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ReplayJson() {
    }

    public static String of(Replay.Answer answer) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a replay could not be written as JSON", e);
        }
    }

    /** The same on one line, for a stream of answers (JSON Lines). */
    public static String line(Replay.Answer answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a replay could not be written as JSON", e);
        }
    }
}
