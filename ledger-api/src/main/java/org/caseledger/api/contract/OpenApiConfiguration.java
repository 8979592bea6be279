package org.caseledger.api.contract;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.caseledger.api.streams.CommandResult;
import org.caseledger.api.web.CommandContext;
import org.caseledger.api.web.CommandContextResolver;
import org.caseledger.api.web.Versions;
import org.caseledger.core.shared.Require;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * What the OpenAPI document says beyond what springdoc reads from the controllers: who may call (HTTP Basic or a
 * bearer token), a tag per feature, the problems every operation may answer with, and the headers the ledger's
 * conventions rest on. Schema names are the nested type's outer and inner names
 * ({@link NestedTypeNames}). The command context an endpoint is given is the signed-in member of staff, never a
 * parameter a client sends. The forms of the ledger's values ({@link ValueSchemas}), what the request bodies require
 * between their members ({@link RequestSchemas}), the stored events' shapes ({@link EventSchemas}) and the case file's
 * ({@link CaseFileSchema}) are said in their own classes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Each feature package's tag. */
    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("cases", "Cases"),
            Map.entry("persons", "Persons"),
            Map.entry("staff", "Staff registry"),
            Map.entry("outreach", "Outreach"),
            Map.entry("households", "Households"),
            Map.entry("feed", "Change feed"),
            Map.entry("access", "Access log and access index"),
            Map.entry("integrity", "Integrity and audit"),
            Map.entry("casefile", "Integrity and audit"),
            Map.entry("recipients", "Integrity and audit"),
            Map.entry("privacy", "Privacy and erasure"),
            Map.entry("retention", "Privacy and erasure"),
            Map.entry("projections", "Read models and figures"),
            Map.entry("processing", "Read models and figures"),
            Map.entry("signin", "Sign-in locks"),
            Map.entry("nodes", "Operations"));

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandContext.class);
    }

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Case ledger API").version("1")
                        .contact(new Contact().name("The unit's system administrators, who run this ledger"))
                        .description("""
                                The case ledger of a children-and-families unit: every contact, decision and intervention an \
                                immutable event, corrected by new events and never changed. Errors are RFC 9457 problems \
                                (docs/problems.md). A command that creates something with an id of its own answers 201 with \
                                its Location; every other answer is 200. Every command answers with the new version of its \
                                case or person as ETag; send it back in If-Match to write only on that version, and send an \
                                Idempotency-Key to make a retry safe. Lists are paged through the Link header. Times are \
                                RFC 3339 instants; days are ISO dates."""))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The configured users (the embedded default and test servers)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("An access token of the municipality's identity provider (production)"))
                        .addSchemas(PROBLEM, problemSchema())
                        .addHeaders(CommandContextResolver.CORRELATION_ID, new Header().required(true)
                                .description("The request's correlation id: the X-Correlation-Id sent, or one made for the request. "
                                        + "It is in every log line written while the request was served and in every event it wrote")
                                .schema(new StringSchema())))
                .tags(TAGS.values().stream().distinct().sorted().map(name -> new Tag().name(name)).toList())
                // relative: the document is the same on every node and behind any host name
                .servers(List.of(new Server().url("/")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Resolves the models before swagger's own resolver does (springdoc puts converter beans first). */
    @Bean
    ModelConverter valueSchemas() {
        return new ValueSchemas();
    }

    @Bean
    OperationCustomizer conventions() {
        return (operation, handler) -> {
            String feature = handler.getBeanType().getPackageName();
            String tag = TAGS.get(feature.substring(feature.lastIndexOf('.') + 1));
            if (tag == null) {
                // every tag an operation names is one of the document's tags: a new feature gets its own here
                throw new IllegalStateException("The feature package " + feature + " has no tag in OpenApiConfiguration.TAGS");
            }
            operation.setTags(List.of(tag));
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            boolean write = mapping != null && Arrays.stream(mapping.method()).anyMatch(method -> method != RequestMethod.GET);
            ApiResponses responses = operation.getResponses();
            fileTypeByExtension(mapping, responses);
            jsonSentAsBytes(responses);
            filesAsBytes(responses);
            problem(responses, "400", "The request is malformed: see errors per field");
            problem(responses, "401", "Not signed in");
            problem(responses, "403", "Not allowed for this member of staff");
            problem(responses, "404", "No such resource, or none this member of staff may know of");
            // a command is given the command context; a search posted to keep its terms out of the URL is not
            boolean command = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType() == CommandContext.class);
            boolean keyed = command && !handler.hasMethodAnnotation(NoIdempotencyKey.class);
            if (write) {
                operation.addParametersItem(new HeaderParameter().name("X-Requested-By").required(false)
                        .description("Any value: says a program sends this write. A write without a JSON body (sent with "
                                + "Content-Type: application/json) must carry it, or it is refused with 415")
                        .schema(new StringSchema()));
                problem(responses, "406", "The Accept header allows no JSON: nothing was written");
                problem(responses, "409", "A rule of the ledger refused it: the member rule names which, or the type says what conflicts");
                problem(responses, "413", "The body is larger than the ledger reads: nothing was written");
                problem(responses, "415", "The body is not JSON, or the write does not say it is");
            } else {
                problem(responses, "406", "The Accept header allows none of the types this answer comes in");
            }
            if (handler.hasMethodAnnotation(MayConflict.class)) {
                problem(responses, "409", "What was asked for cannot be answered as it stands: the type says why");
            }
            if (keyed) {
                problem(responses, "412", "If-Match named a version that is no longer the newest");
                problem(responses, "422", "The Idempotency-Key was used before with another body");
                operation.addParametersItem(new HeaderParameter().name(CommandContextResolver.IDEMPOTENCY_KEY).required(false)
                        .description("Makes a retry safe: the same key and body answer the first answer again and write nothing")
                        .schema(new StringSchema().maxLength(200).pattern(Require.OPTIONAL_TEXT_PATTERN)));
                operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH).required(false)
                        .description("Writes only if the case or person is still at this version (the ETag of a read or an earlier "
                                + "command), or exists at all (*); a newer version answers 412")
                        .schema(new StringSchema().pattern(Versions.IF_MATCH_FORMAT.pattern()).example("\"3\"")));
                responses.forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        commandHeaders(status, response);
                    }
                });
            }
            if (command) {
                operation.addParametersItem(new HeaderParameter().name(CommandContextResolver.CORRELATION_ID).required(false)
                        .description("Groups the events of one piece of work; one is made when it is left out")
                        .schema(new StringSchema().maxLength(200).pattern(Require.OPTIONAL_TEXT_PATTERN)));
            } else {
                operation.addParametersItem(new HeaderParameter().name("X-Purpose").required(false)
                        .description("Why the case or person is read; logged, encrypted, in the read-access log").schema(new StringSchema()));
            }
            problem(responses, "429", "Sign-in is locked for this user name or address after failed sign-ins")
                    .addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().required(true).description("Seconds until the lock lifts")
                            .schema(new IntegerSchema()));
            problem(responses, "500", "The ledger failed; nothing was written that was not answered");
            problem(responses, "503", "The database or the identity provider does not answer; try again later")
                    .addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().description("Seconds to wait before trying again")
                            .schema(new IntegerSchema()));
            if (responses.get("202") != null) {
                responses.get("202").addHeaderObject(HttpHeaders.LOCATION, new Header().required(true)
                        .description("Where to follow the progress").schema(new StringSchema()));
            }
            // every answer, a refusal included, names the request's correlation id (CorrelationIds runs before sign-in)
            responses.values().forEach(response -> response.addHeaderObject(CommandContextResolver.CORRELATION_ID,
                    new Header().$ref("#/components/headers/" + CommandContextResolver.CORRELATION_ID)));
            if (handler.hasMethodAnnotation(Paged.class) && responses.get("200") != null) {
                responses.get("200").addHeaderObject(HttpHeaders.LINK, new Header()
                        .description("The next page (rel=\"next\", RFC 8288); absent on the last page of a list that ends")
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }

    /** The headers of a command's answer: its new version, where a created resource is, and whether it is a replay. */
    private static void commandHeaders(String status, ApiResponse response) {
        if (status.equals("201")) {
            response.description("Created: the answer names the new resource's id, and Location where to read it");
            response.addHeaderObject(HttpHeaders.LOCATION, new Header().required(true)
                    .description("Where the new resource is read").schema(new StringSchema().format("uri-reference")));
        } else if (response.getDescription() == null || response.getDescription().equals("OK")) {
            response.description("Recorded");
        }
        response.addHeaderObject(HttpHeaders.ETAG, new Header()
                .description("The version of the case or person after the command; send it in If-Match to write on it")
                .schema(new StringSchema().pattern("^\"[0-9]{1,18}\"$")));
        response.addHeaderObject(CommandResult.IDEMPOTENT_REPLAYED, new Header()
                .description("true when this is the stored answer to an earlier request with the same Idempotency-Key: nothing "
                        + "was written now")
                .schema(new StringSchema()._enum(List.of("true"))));
    }

    /** A path that ends in a file name answers in that file's type ({@code export.pdf} is a PDF), whatever Java type holds it. */
    private static void fileTypeByExtension(RequestMapping mapping, ApiResponses responses) {
        if (mapping == null || mapping.path().length != 1 || responses.get("200") == null) {
            return;
        }
        String last = mapping.path()[0].substring(mapping.path()[0].lastIndexOf('/') + 1);
        if (!last.contains(".") || last.contains("{")) {
            return;
        }
        MediaTypeFactory.getMediaType(last).ifPresent(type -> responses.get("200").content(new Content()
                .addMediaType(type.toString(), new MediaType())));
    }

    /**
     * An answer held as bytes but sent as JSON (signed as the bytes it is) is a JSON document, not a base64 string as
     * springdoc reads {@code byte[]}, unless its own schema says more.
     */
    private static void jsonSentAsBytes(ApiResponses responses) {
        ApiResponse ok = responses.get("200");
        MediaType json = ok == null || ok.getContent() == null ? null : ok.getContent().get(JSON);
        if (json != null && json.getSchema() != null && "byte".equals(json.getSchema().getFormat())) {
            json.schema(new ObjectSchema().additionalProperties(true)
                    .description("A JSON document sent byte for byte as it is signed"));
        }
    }

    /** An answer in a type that is neither JSON nor text (a PDF, a PEM key) is a file: its bytes, as they are sent. */
    private static void filesAsBytes(ApiResponses responses) {
        ApiResponse ok = responses.get("200");
        if (ok == null || ok.getContent() == null) {
            return;
        }
        ok.getContent().forEach((type, media) -> {
            if (!type.contains("json") && !type.startsWith("text/")) {
                media.schema(new StringSchema().format("binary"));
            }
        });
    }

    private static ApiResponse problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, problemResponse(description));
        }
        return responses.get(status);
    }

    static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: type is a page of the ledger that explains it (docs/problems.md)")
                .addProperty("type", new StringSchema().format("uri-reference"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("rule", new StringSchema().description("The ledger rule that refused a write (a 409)"))
                .addProperty("currentVersion", new IntegerSchema().format("int64").description("The newest version (a 412)"))
                .addProperty("registeredPerson", new StringSchema().format("uuid")
                        .description("The person the identity number is registered to (a 409 PERSON_ALREADY_REGISTERED)"))
                .addProperty("verification", new Schema<>().$ref("#/components/schemas/VerificationReport")
                        .description("Why the case's events do not verify (a 409 integrity-broken)"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())))
                .required(List.of("type", "title", "status"));
    }
}
