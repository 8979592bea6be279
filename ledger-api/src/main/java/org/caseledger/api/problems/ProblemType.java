package org.caseledger.api.problems;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.caseledger.core.shared.LedgerRule;
import org.springframework.http.HttpStatus;

/**
 * Every kind of problem the ledger answers with, each with a stable slug: its {@code type} is {@code /problems/<slug>},
 * a page the ledger serves that explains it. The words (title, detail, cause, what to do) are in the message bundles
 * under {@code problem.<slug>.*}. A broken domain rule has a type of its own per rule, {@code /problems/rules/<RULE>}.
 * Never rename a slug: clients may switch on it.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST),
    INVALID_VALUE("invalid-value", HttpStatus.BAD_REQUEST),
    AUTHENTICATION_REQUIRED("authentication-required", HttpStatus.UNAUTHORIZED),
    TOKEN_REJECTED("token-rejected", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
    STALE_VERSION("stale-version", HttpStatus.PRECONDITION_FAILED),
    REQUEST_TOO_LARGE("request-too-large", HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    JSON_REQUIRED("json-required", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT),
    CONCURRENT_WRITE("concurrent-write", HttpStatus.CONFLICT),
    INTEGRITY_BROKEN("integrity-broken", HttpStatus.CONFLICT),
    INTEGRITY_ALARM("integrity-alarm", HttpStatus.CONFLICT),
    REBUILD_REFUSED("rebuild-refused", HttpStatus.CONFLICT),
    ERASURE_COMPLETION_RUNNING("erasure-completion-running", HttpStatus.CONFLICT),
    SIGN_IN_LOCKED("sign-in-locked", HttpStatus.TOO_MANY_REQUESTS),
    /** Any other refusal of the request as sent (a status no other type covers, such as 408 or 431). */
    REQUEST_REFUSED("request-refused", HttpStatus.BAD_REQUEST),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR),
    DATABASE_UNAVAILABLE("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    /** The connection was lost while the write was being committed: it may or may not be stored. */
    OUTCOME_UNKNOWN("outcome-unknown", HttpStatus.SERVICE_UNAVAILABLE),
    IDENTITY_PROVIDER_UNAVAILABLE("identity-provider-unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    /** Where the pages of the problem types are served; relative, so that it resolves against the ledger's own address. */
    public static final String BASE = "/problems/";
    public static final String RULES = BASE + "rules/";

    private final String slug;
    private final HttpStatus status;

    ProblemType(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /**
     * A broken rule is a conflict with the case as it stands, except a time in the future, which is malformed input, and
     * an actor the staff registry does not know in that unit and role, who may not record anything at all.
     */
    public static HttpStatus statusOf(LedgerRule rule) {
        return switch (rule) {
            case OCCURRED_IN_FUTURE -> HttpStatus.BAD_REQUEST;
            case ACTOR_NOT_ACTIVE_STAFF -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.CONFLICT;
        };
    }

    public static Optional<ProblemType> ofSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }

    /** The type for a status that no more telling type was found for. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> AUTHENTICATION_REQUIRED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 412 -> STALE_VERSION;
            case 413 -> REQUEST_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> DATABASE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : REQUEST_REFUSED;
        };
    }
}
