package org.caseledger.api.streams;

import org.caseledger.api.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a command as it is sent, and stored for replay under an idempotency key.
 *
 * @param status   the HTTP status: 201 when the command created a resource of its own, 200 otherwise
 * @param location where the created resource can be read (a 201), or {@code null}
 * @param version  the version of the aggregate after the command, sent as {@code ETag}
 * @param body     the ids the client needs to go on, as the operation's answer record
 * @param <T>      the operation's answer record
 */
public record CommandResult<T>(int status, String location, Long version, T body) {

    /** Says that an answer is the stored answer of an earlier request with the same idempotency key. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    /** A resource of its own was created: 201, and where to read it. */
    public static <T> CommandResult<T> created(String location, T body) {
        return new CommandResult<>(HttpStatus.CREATED.value(), location, null, body);
    }

    /** A fact about something that already was: 200. */
    public static <T> CommandResult<T> recorded(T body) {
        return new CommandResult<>(HttpStatus.OK.value(), null, null, body);
    }

    CommandResult<T> withVersion(Long version) {
        return new CommandResult<>(status, location, version, body);
    }

    ResponseEntity<T> toResponse(boolean replayed) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (location != null) {
            response.header(HttpHeaders.LOCATION, location);
        }
        if (version != null) {
            response.eTag(Versions.etag(version));
        }
        if (replayed) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.body(body);
    }
}
