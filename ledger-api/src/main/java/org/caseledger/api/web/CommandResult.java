package org.caseledger.api.web;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a command as it is sent, and stored for replay under an idempotency key.
 *
 * @param status   the HTTP status, 201 when a resource was created
 * @param location where the created or changed resource can be read, or {@code null}
 * @param version  the version of the aggregate after the command, sent as {@code ETag}
 * @param body     the ids the client needs to go on
 */
public record CommandResult(int status, String location, Long version, Map<String, Object> body) {

    public static CommandResult created(String location, Map<String, Object> body) {
        return new CommandResult(201, location, null, body);
    }

    CommandResult withVersion(Long version) {
        return new CommandResult(status, location, version, body);
    }

    ResponseEntity<Map<String, Object>> toResponse(boolean replayed) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (location != null) {
            response.header(HttpHeaders.LOCATION, location);
        }
        if (version != null) {
            response.eTag(Versions.etag(version));
        }
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(body);
    }
}
