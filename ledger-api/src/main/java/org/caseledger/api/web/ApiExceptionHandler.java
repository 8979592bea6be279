package org.caseledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.caseledger.api.database.DatabaseUnavailable;
import org.caseledger.api.problems.FieldError;
import org.caseledger.api.problems.ProblemException;
import org.caseledger.api.problems.ProblemProperties;
import org.caseledger.api.problems.ProblemType;
import org.caseledger.api.problems.Problems;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.ValueProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
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
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Every error is an RFC 9457 problem a person can read and a program can act on: 400 malformed or invalid (with one
 * entry per field in {@code errors}), 404 unknown, 409 a broken rule (with its code in {@code rule}), 412 a stale
 * version, 422 a reused idempotency key, 503 an unreachable database, and a feature's own refusal as the feature
 * words it ({@link ProblemException}); Spring MVC's own refusals (405, 406, 415, a missing parameter) are answered
 * alike. A 500 means a defect and is logged as one. The words come from the message bundles ({@link Problems}); no
 * exception's message reaches the client, only facts chosen here.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** A member's path as a client could have written it; anything else (a hostile member name) is not repeated. */
    private static final Pattern PRINTABLE_PATH = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,200}");

    /** Format problems of value objects: the value at the path is the one that is wrong, whatever the object calls it. */
    private static final List<ValueProblem> VALUE_FORMATS = List.of(ValueProblem.UUID_FORMAT, ValueProblem.UNIT_ID_FORMAT,
            ValueProblem.STAFF_ID_FORMAT, ValueProblem.CASE_NUMBER_FORMAT, ValueProblem.LEGAL_BASIS_ID_FORMAT,
            ValueProblem.DELEGATION_RULE_ID_FORMAT, ValueProblem.IDENTITY_NUMBER_FORMAT, ValueProblem.IDENTITY_NUMBER_CHECK_DIGIT,
            ValueProblem.IDENTITY_NUMBER_DATE);

    private final Problems problems;

    public ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(LedgerRuleViolation.class)
    ProblemDetail ruleViolation(LedgerRuleViolation e, HttpServletRequest request) {
        ProblemDetail problem = problems.rule(request, ProblemType.statusOf(e.rule()), e.rule(), e.facts());
        if (e instanceof ProblemProperties more) {
            more.problemProperties().forEach(problem::setProperty);
        }
        return problem;
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalidValue(InvalidValueException e, HttpServletRequest request) {
        return problems.invalid(request, List.of(problems.fieldError(request, e.field(), e.problem(), e.facts())));
    }

    @ExceptionHandler({AggregateNotFoundException.class, NotFoundException.class})
    ProblemDetail notFound(RuntimeException e, HttpServletRequest request) {
        return problems.of(request, ProblemType.NOT_FOUND);
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail staleVersion(StaleVersionException e, HttpServletRequest request) {
        ProblemDetail problem = problems.of(request, ProblemType.STALE_VERSION);
        if (e.current() != null) {
            // For a program: the version to compare with, as the next If-Match would carry it.
            problem.setProperty("currentVersion", e.current());
        }
        return problem;
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e, HttpServletRequest request) {
        return problems.of(request, ProblemType.IDEMPOTENCY_KEY_REUSED);
    }

    /** A feature's refusal, which carries its own type, words and members (access refused, integrity broken, …). */
    @ExceptionHandler(ProblemException.class)
    ProblemDetail problem(ProblemException e, HttpServletRequest request) {
        return problems.of(request, e);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentWrite(ConcurrencyException e, HttpServletRequest request) {
        return problems.of(request, ProblemType.CONCURRENT_WRITE);
    }

    /** A path variable or query parameter that is not of its type: a UUID that is none, a day that does not exist. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problems.invalid(request, List.of(wrongForm(request, e.getName(), e.getRequiredType())));
    }

    /**
     * The firewall checks a header's value when it is first read; headers only a controller reads (If-Match,
     * Idempotency-Key, X-Correlation-Id) are read here, after the security filters, so their refusal lands here too.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail requestRejected(RequestRejectedException e, HttpServletRequest request) {
        return problems.of(request, ProblemType.MALFORMED_REQUEST);
    }

    /**
     * Tomcat decodes the query when a controller first asks for a parameter, and since Servlet 6.1 it throws if it
     * cannot (an escape such as {@code %zz}, too many parameters); the exception carries the status it means.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodableParameters(InvalidParameterException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        return problems.of(request, status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
                ProblemType.MALFORMED_REQUEST);
    }

    @ExceptionHandler(OutcomeUnknownException.class)
    ResponseEntity<ProblemDetail> outcomeUnknown(OutcomeUnknownException e, HttpServletRequest request) {
        log.warn("Answered 503: the outcome of a write is unknown, the connection was lost during its commit ({})",
                DatabaseUnavailable.describe(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problems.of(request, ProblemType.OUTCOME_UNKNOWN));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.causes(e)) {
            log.warn("Answered 503: the database is unavailable ({})", DatabaseUnavailable.describe(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(problems.of(request, ProblemType.DATABASE_UNAVAILABLE));
        }
        log.error("Unexpected error answered with 500", e);
        return ResponseEntity.internalServerError().body(problems.of(request, ProblemType.INTERNAL_ERROR));
    }

    /**
     * Every refusal of Spring MVC's own (an unreadable body, a method or media type it does not serve, a missing
     * parameter, an address with nothing at it) ends here; it is answered in the ledger's words with Spring's status
     * and headers ({@code Allow}, {@code Accept}).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest webRequest) {
        HttpServletRequest request = webRequest instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
        ProblemDetail problem;
        if (e instanceof HttpMessageNotReadableException unreadable) {
            problem = unreadable(request, unreadable);
        } else if (e instanceof HttpRequestMethodNotSupportedException method) {
            problem = problems.of(request, status, ProblemType.METHOD_NOT_ALLOWED, method.getSupportedHttpMethods() == null ? ""
                    : method.getSupportedHttpMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } else if (e instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
            problem = problems.of(request, status, ProblemType.NOT_ACCEPTABLE, mediaTypes(notAcceptable.getSupportedMediaTypes()));
        } else if (e instanceof HttpMediaTypeNotSupportedException) {
            problem = problems.of(request, status, ProblemType.UNSUPPORTED_MEDIA_TYPE);
        } else if (e instanceof MissingServletRequestParameterException missing) {
            problem = problems.invalid(request, List.of(problems.fieldError(request, missing.getParameterName(), ValueProblem.REQUIRED,
                    List.of())));
        } else if (e instanceof MissingRequestHeaderException missing) {
            problem = problems.invalid(request, List.of(problems.fieldError(request, missing.getHeaderName(), ValueProblem.REQUIRED,
                    List.of())));
        } else if (e instanceof TypeMismatchException mismatch) {
            problem = problems.invalid(request, List.of(wrongForm(request, mismatch.getPropertyName(), mismatch.getRequiredType())));
        } else {
            if (status.is5xxServerError()) {
                log.error("Spring MVC refused a request with {}", status.value(), e);
            }
            problem = problems.of(request, status, ProblemType.forStatus(status.value()));
        }
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A body the JSON reader refused, answered with the fields it names: a value object's own complaint if there is
     * one, else what Jackson found (an unknown member, a value of the wrong form), else that it is no JSON at all.
     */
    private ProblemDetail unreadable(HttpServletRequest request, HttpMessageNotReadableException e) {
        JacksonException jackson = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidValueException invalid) {
                String path = jackson == null ? "" : path(jackson);
                if (!path.isEmpty() && !PRINTABLE_PATH.matcher(path).matches()) {
                    path = "";
                }
                return problems.invalid(request, List.of(problems.fieldError(request, field(path, invalid), invalid.problem(),
                        invalid.facts())));
            }
            if (jackson == null && cause instanceof JacksonException found) {
                jackson = found;
            }
        }
        if (jackson instanceof StreamReadException || jackson == null) {
            return problems.of(request, ProblemType.MALFORMED_REQUEST);
        }
        String path = path(jackson);
        String field = PRINTABLE_PATH.matcher(path).matches() ? path : null;
        if (jackson instanceof PropertyBindingException) {
            return problems.invalid(request, List.of(problems.fieldError(request, field, "unknown")));
        }
        if (jackson instanceof MismatchedInputException mismatched) {
            return problems.invalid(request, List.of(path.isEmpty() ? problems.fieldError(request, null, "body")
                    : wrongForm(request, field, mismatched.getTargetType())));
        }
        return problems.of(request, ProblemType.MALFORMED_REQUEST);
    }

    /** Where the value object's complaint is about: its path in the body, with the member it names inside a record. */
    private static String field(String path, InvalidValueException invalid) {
        if (path.isEmpty() || invalid.field() == null) {
            return path.isEmpty() ? invalid.field() : path;
        }
        if (path.equals(invalid.field()) || path.endsWith("." + invalid.field()) || VALUE_FORMATS.contains(invalid.problem())) {
            return path;
        }
        return path + "." + invalid.field();
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(step -> step.getPropertyName() != null ? step.getPropertyName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** What a value of the type looks like, said without naming the type as the code calls it. */
    private FieldError wrongForm(HttpServletRequest request, String field, Class<?> type) {
        if (type == null) {
            return problems.fieldError(request, field, "form");
        }
        if (type.isEnum()) {
            return problems.fieldError(request, field, ValueProblem.ONE_OF, List.of(Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", "))));
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return problems.fieldError(request, field, "time");
        }
        if (type == LocalDate.class) {
            return problems.fieldError(request, field, ValueProblem.DATE_FORMAT, List.of());
        }
        if (type == UUID.class || type.isRecord() && type.getRecordComponents().length == 1
                && type.getRecordComponents()[0].getType() == UUID.class) {
            return problems.fieldError(request, field, ValueProblem.UUID_FORMAT, List.of());
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return problems.fieldError(request, field, "number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return problems.fieldError(request, field, "boolean");
        }
        if (type == String.class || Temporal.class.isAssignableFrom(type)) {
            return problems.fieldError(request, field, "text");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return problems.fieldError(request, field, "list");
        }
        if (type.isRecord() && type.getRecordComponents().length == 1) {
            // A value object such as a staff id is written as its one value.
            return wrongForm(request, field, type.getRecordComponents()[0].getType());
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return problems.fieldError(request, field, "object");
        }
        return problems.fieldError(request, field, "form");
    }

    private static String mediaTypes(List<MediaType> types) {
        return types.isEmpty() ? "application/json" : types.stream().map(MediaType::toString).collect(Collectors.joining(", "));
    }
}
