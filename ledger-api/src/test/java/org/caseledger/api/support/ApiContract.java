package org.caseledger.api.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.interaction.response.CustomResponseValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * The committed OpenAPI document (docs/openapi.json) as the judge of every answer an integration test receives: the
 * status must be one the operation documents, and the answer must have the content type, the body (by the schema, no
 * undocumented member) and the headers that the document declares for that status. {@link LedgerHttp} and
 * {@link RawHttp} hand every answer here, so a test that receives an answer the document does not describe fails, with
 * the operation, the status and the mismatch named. Hostile and refused requests are checked too: only the requests may
 * be wrong, never the answers.
 *
 * <p>What is an API operation: a request to a path under {@code /api/v1/}. Everything else the ledger serves is not the
 * integration API and is not in the document: the pages ({@code /ui/**}), the problem pages ({@code /problems/**}),
 * sign-in and sign-out, the actuator, the OpenAPI document and its browser, htmx and the other static files. Their
 * answers are not checked here. Nor is a CORS preflight ({@code OPTIONS}): the browser's rules answer it, not an
 * operation. A request under {@code /api/v1/} that names no operation of the document (a path or method it does not have,
 * as the hostile-input tests send) must be answered with a refusal: a 4xx problem in {@code application/problem+json}
 * that meets the document's {@code Problem} schema.
 *
 * <p>What was checked is written to {@code target/contract-checks.txt} when the tests' JVM ends: each operation, the
 * statuses it answered and how often, and the answers left out by the rule above.
 */
public final class ApiContract {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    private static final Path REPORT = Path.of("target", "contract-checks.txt");
    private static final String API = "/api/v1/";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> METHODS = Arrays.stream(Request.Method.values()).map(Enum::name).collect(Collectors.toSet());

    private static volatile ApiContract committed;

    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver operations;
    private final SchemaValidator schemas;
    private final Schema<?> problem;
    private final Map<String, Map<Integer, AtomicLong>> checked = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();

    private ApiContract(OpenAPI document) {
        this.validator = OpenApiInteractionValidator.createFor(document)
                .withCustomResponseValidation(new DeclaredContent())
                .build();
        this.operations = new ApiOperationResolver(document, null, false);
        this.schemas = new SchemaValidator(document, new MessageResolver());
        this.problem = document.getComponents().getSchemas().get("Problem");
    }

    /** The contract of the committed document, read once per test run. */
    public static ApiContract committed() {
        ApiContract contract = committed;
        if (contract == null) {
            synchronized (ApiContract.class) {
                if (committed == null) {
                    committed = new ApiContract(read(COMMITTED));
                    Runtime.getRuntime().addShutdownHook(new Thread(committed::writeReport, "contract-report"));
                }
                contract = committed;
            }
        }
        return contract;
    }

    /**
     * Checks one answer and fails the calling test if the document does not describe it.
     *
     * @param method  the request's method
     * @param target  the request's path and query, as sent
     * @param status  the answer's status
     * @param headers the answer's headers (any case of name)
     * @param body    the answer's body as text ({@link #text})
     */
    public void check(String method, String target, int status, Map<String, List<String>> headers, String body) {
        String path = pathOf(target);
        String upperMethod = method.toUpperCase(Locale.ROOT);
        if (!path.startsWith(API)) {
            skipped.computeIfAbsent("not under /api/v1/: " + firstSegment(path), key -> new AtomicLong()).incrementAndGet();
            return;
        }
        if (upperMethod.equals("OPTIONS")) {
            skipped.computeIfAbsent("CORS preflight", key -> new AtomicLong()).incrementAndGet();
            return;
        }
        Response response = response(status, headers, body);
        Optional<String> operation = METHODS.contains(upperMethod) ? operation(path, Request.Method.valueOf(upperMethod)) : Optional.empty();
        List<String> mismatches = operation.isPresent()
                ? messages(validator.validateResponse(path, Request.Method.valueOf(upperMethod), response))
                : refusal(status, headers, body);
        String name = operation.orElse(upperMethod + " (no operation) " + path);
        checked.computeIfAbsent(operation.orElse("(no operation)"), key -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(status, key -> new AtomicLong()).incrementAndGet();
        if (!mismatches.isEmpty()) {
            throw new AssertionFailedError("The answer to " + upperMethod + " " + target + " is not what docs/openapi.json says of "
                    + name + ", status " + status + ":\n  " + String.join("\n  ", mismatches)
                    + "\nThe answer was: " + (isText(header(headers, "Content-Type")) ? abbreviated(body) : "(not text)"));
        }
    }

    /**
     * A body as the check takes it: UTF-8 text when the content type is text or JSON; otherwise its bytes one character
     * each, for a body the document describes only by its content type (a PDF) still counts as present.
     */
    public static String text(byte[] body, String contentType) {
        return new String(body, isText(contentType) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("pem");
    }

    /** The documented operation the path and method name, as "METHOD /template", or empty if the document has none. */
    private Optional<String> operation(String path, Request.Method method) {
        ApiOperationMatch match = operations.findApiOperation(path, method);
        return match.isPathFound() && match.isOperationAllowed()
                ? Optional.of(method + " " + match.getApiOperation().getApiPath().original())
                : Optional.empty();
    }

    /** An answer to a request that names no operation: it must refuse, as a problem of the document's schema. */
    private List<String> refusal(int status, Map<String, List<String>> headers, String body) {
        List<String> mismatches = new ArrayList<>();
        if (status < 400 || status >= 500) {
            mismatches.add("a request naming no operation of the document was answered " + status + ", not refused with a 4xx");
        }
        String contentType = header(headers, "Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(PROBLEM_JSON)) {
            mismatches.add("a refusal is " + contentType + ", not " + PROBLEM_JSON);
        } else {
            mismatches.addAll(messages(schemas.validate(body, problem, "response.body")));
        }
        return mismatches;
    }

    private static List<String> messages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage()
                        + (message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo()))
                .toList();
    }

    private static Response response(int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        headers.forEach(builder::withHeader);
        if (body != null) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream()).findFirst().orElse(null);
    }

    private static String pathOf(String target) {
        int end = target.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = target.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return target.substring(0, end);
    }

    private static String firstSegment(String path) {
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second + 1) + "**";
    }

    private static String abbreviated(String body) {
        return body.length() <= 2_000 ? body : body.substring(0, 2_000) + " …";
    }

    private static OpenAPI read(Path document) {
        try {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            var parsed = new OpenAPIV3Parser().readContents(Files.readString(document, StandardCharsets.UTF_8), null, options);
            if (parsed.getOpenAPI() == null) {
                throw new IllegalStateException(document + " is not an OpenAPI document: " + parsed.getMessages());
            }
            return spelledAsTheValidatorReads(withHeadersInPlace(parsed.getOpenAPI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts each answer's header that refers to one of the document's components ({@code $ref}) in its place: the
     * validator reads a header's {@code required} where the answer names it, and would find none in a reference.
     */
    private static OpenAPI withHeadersInPlace(OpenAPI document) {
        Map<String, io.swagger.v3.oas.models.headers.Header> declared = document.getComponents() == null ? Map.of()
                : nonNull(document.getComponents().getHeaders());
        nonNull(document.getPaths()).values().forEach(path -> path.readOperations().forEach(operation ->
                nonNull(operation.getResponses()).values().stream().filter(response -> response.getHeaders() != null)
                        .forEach(response -> response.getHeaders().replaceAll((name, header) -> {
                    if (header.get$ref() == null) {
                        return header;
                    }
                    String component = header.get$ref().substring(header.get$ref().lastIndexOf('/') + 1);
                    if (!declared.containsKey(component)) {
                        throw new IllegalStateException("a header refers to " + header.get$ref() + ", which the document does not declare");
                    }
                    return declared.get(component);
                }))));
        return document;
    }

    /**
     * The document is OpenAPI 3.1; the validator's schema check reads each schema's 3.0 fields only, so a 3.1 schema's
     * {@code type} (kept as a list) and {@code const} would be checked by nothing. Each schema gets them spelled the 3.0
     * way too: one type (and {@code nullable} when the other is "null") and a one-value {@code enum}; a oneOf's
     * discriminator is left to the options' consts.
     */
    private static OpenAPI spelledAsTheValidatorReads(OpenAPI document) {
        Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Schema<?>> pending = new ArrayList<>();
        if (document.getComponents() != null) {
            nonNull(document.getComponents().getSchemas()).values().forEach(pending::add);
            nonNull(document.getComponents().getHeaders()).values().forEach(header -> pending.add(header.getSchema()));
        }
        nonNull(document.getPaths()).values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> pending.add(parameter.getSchema()));
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> pending.add(media.getSchema()));
            }
            nonNull(operation.getResponses()).values().forEach(response -> {
                nonNull(response.getContent()).values().forEach(media -> pending.add(media.getSchema()));
                nonNull(response.getHeaders()).values().forEach(header -> pending.add(header.getSchema()));
            });
        }));
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.remove(pending.size() - 1);
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            spellAs30(schema);
            nonNull(schema.getProperties()).values().forEach(pending::add);
            pending.add(schema.getItems());
            pending.add(schema.getNot());
            if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
                pending.add(additional);
            }
            for (List<Schema> options : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (options != null) {
                    options.forEach(option -> pending.add(option));
                }
            }
        }
        return document;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void spellAs30(Schema schema) {
        Set<String> types = schema.getTypes();
        if (schema.getType() == null && types != null && !types.isEmpty()) {
            List<String> named = types.stream().filter(type -> !type.equals("null")).toList();
            if (named.size() == 1) {
                schema.setType(named.get(0));
                if (types.contains("null")) {
                    schema.setNullable(true);
                }
            } else if (named.size() > 1) {
                throw new IllegalStateException("a schema of several types, which the validator cannot read: " + types);
            }
        }
        if (schema.getConst() != null && schema.getEnum() == null) {
            schema.setEnum(new ArrayList<>(List.of(schema.getConst())));
        }
        // The validator follows a discriminator by folding the parent into each option, which never ends for a oneOf
        // parent; the options' own consts (now enums) already let exactly one match.
        if (schema.getOneOf() != null && schema.getDiscriminator() != null) {
            schema.setDiscriminator(null);
        }
    }

    private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private void writeReport() {
        StringBuilder report = new StringBuilder("Answers checked against docs/openapi.json, by operation and status\n");
        long total = 0;
        for (Map.Entry<String, Map<Integer, AtomicLong>> operation : checked.entrySet()) {
            report.append(operation.getKey()).append(':');
            for (Map.Entry<Integer, AtomicLong> status : operation.getValue().entrySet()) {
                report.append(' ').append(status.getKey()).append('×').append(status.getValue().get());
                total += status.getValue().get();
            }
            report.append('\n');
        }
        report.append("operations: ").append(checked.keySet().stream().filter(name -> !name.startsWith("(")).count())
                .append(", answers checked: ").append(total).append('\n');
        report.append("Not API operations, not checked:\n");
        new TreeMap<>(skipped).forEach((why, count) -> report.append("  ").append(why).append(": ").append(count.get()).append('\n'));
        try {
            Files.writeString(REPORT, report);
        } catch (IOException e) {
            System.err.println("could not write " + REPORT + ": " + e.getMessage());
        }
    }

    /**
     * What the library leaves to the caller: an answer whose status documents a body must say its content type, and an
     * answer whose status documents none must have none.
     */
    private static final class DeclaredContent implements CustomResponseValidator {

        @Override
        public ValidationReport validate(Response response, ApiOperation operation) {
            ApiResponse documented = operation.getOperation().getResponses().get(Integer.toString(response.getStatus()));
            if (documented == null) {
                return ValidationReport.empty();
            }
            boolean hasContent = documented.getContent() != null && !documented.getContent().isEmpty();
            boolean hasBody = response.getBody().filter(body -> !body.isEmpty()).isPresent();
            if (hasContent && response.getContentType().isEmpty()) {
                return ValidationReport.singleton(ValidationReport.Message.create("contract.response.contentType.missing",
                        "the answer has no Content-Type; the document says " + documented.getContent().keySet()).build());
            }
            if (!hasContent && hasBody) {
                return ValidationReport.singleton(ValidationReport.Message.create("contract.response.body.undocumented",
                        "the answer has a body (" + response.getContentType().orElse("no Content-Type")
                                + "); the document says this status has none").build());
            }
            return ValidationReport.empty();
        }
    }
}
