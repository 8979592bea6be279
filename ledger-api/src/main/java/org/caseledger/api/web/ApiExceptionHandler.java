package org.caseledger.api.web;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.caseledger.api.access.AccessRefusedException;
import org.caseledger.api.integrity.IntegrityBrokenException;
import org.caseledger.api.projections.RebuildRefusedException;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error is an RFC 9457 problem a person can read: 400 malformed, 404 unknown, 409 a broken rule (with
 * its code), 412 a stale version, 422 a reused idempotency key, 503 an unreachable database. A 500 means a
 * defect and is logged as one.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(LedgerRuleViolation.class)
    ProblemDetail ruleViolation(LedgerRuleViolation e) {
        HttpStatus status = e.rule().name().equals("OCCURRED_IN_FUTURE") ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        ProblemDetail problem = Problems.of(status, "rule/" + e.rule().name(), e.rule().description(), e.getMessage());
        problem.setProperty("rule", e.rule().name());
        return problem;
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalidValue(InvalidValueException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid value", e.getMessage());
    }

    @ExceptionHandler({AggregateNotFoundException.class, NotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        String detail = e instanceof AggregateNotFoundException missing
                ? "there is nothing with id " + missing.getAggregateIdentifier()
                : e.getMessage();
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    @ExceptionHandler(AccessRefusedException.class)
    ProblemDetail accessRefused(AccessRefusedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "You may not do this: " + e.getMessage() + ".");
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail staleVersion(StaleVersionException e) {
        return Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "The case has changed", e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage());
    }

    @ExceptionHandler(IntegrityBrokenException.class)
    ProblemDetail integrityBroken(IntegrityBrokenException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "integrity-broken", "The case does not verify", e.getMessage());
        problem.setProperty("verification", e.report());
        return problem;
    }

    @ExceptionHandler(RebuildRefusedException.class)
    ProblemDetail rebuildRefused(RebuildRefusedException e) {
        return Problems.of(HttpStatus.CONFLICT, "rebuild-refused", "The rebuild did not start", e.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentWrite(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-write", "Written concurrently",
                "another request wrote to the same record at the same moment or the id is taken; read it again and retry");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid value",
                e.getName() + ": " + readableCause(e, "the value has the wrong form"));
    }

    /**
     * The firewall checks a header's value when it is first read; headers only a controller reads (If-Match,
     * Idempotency-Key, X-Correlation-Id) are read here, after the security filters, so their refusal lands here too.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail requestRejected(RequestRejectedException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "the address or a header of the request contains characters that are not allowed");
    }

    /**
     * Tomcat decodes the query when a controller first asks for a parameter, and since Servlet 6.1 it throws if it
     * cannot (an escape such as {@code %zz}, too many parameters); the exception carries the status it means.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodableParameters(InvalidParameterException e) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        return Problems.of(status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST, "malformed-request",
                "Malformed request", "the parameters of the request cannot be read: a malformed escape such as %zz, or too many of them");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causes(e)) {
            log.warn("Answered 503: the database is unavailable ({})", DatabaseUnavailable.describe(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "The ledger is unavailable",
                            "the ledger cannot reach its database just now; nothing was recorded, try again shortly"));
        }
        log.error("Unexpected error answered with 500", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "the ledger could not complete the request; nothing was recorded"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                readableCause(e, "the request body is not valid JSON of the expected shape"));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Raised when the handler is picked, before anything runs (see {@link WritesAnswerJson}). */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e, HttpHeaders headers,
                                                                      HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).body(Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "Answer type not available", "the ledger answers this request only with " + mediaTypes(e.getSupportedMediaTypes())
                        + "; send an Accept header that allows it, or none; nothing was recorded"));
    }

    /** A body of a type the ledger does not read is refused before the command runs; {@code Accept} says what it reads. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type", "Body type not supported", "the request body must be sent as application/json"
                        + (e.getContentType() == null ? "" : ", not " + e.getContentType()) + "; nothing was recorded"));
    }

    private static String mediaTypes(List<MediaType> types) {
        return types.isEmpty() ? "application/json" : types.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    }

    /**
     * The most telling message in the cause chain: a value object's own complaint if there is one, else
     * Jackson's description without the location noise it appends.
     */
    private static String readableCause(Throwable e, String fallback) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                String message = jackson.getOriginalMessage().replaceAll("`(?:[a-z]\\w*\\.)+(\\w+(?:\\$\\w+)?)`", "$1");
                String path = jackson.getPath().stream()
                        .map(step -> step.getPropertyName() != null ? step.getPropertyName() : "[" + step.getIndex() + "]")
                        .collect(Collectors.joining("."));
                return (path.isEmpty() ? "" : path + ": ") + message;
            }
        }
        return fallback;
    }
}
