package org.caseledger.api.contract;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
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
import org.caseledger.api.web.CommandContext;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * What the OpenAPI document says beyond what springdoc reads from the controllers: who may call (HTTP Basic or a
 * bearer token), a tag per feature, the problems every operation may answer with, and the headers the ledger's
 * conventions rest on. Schema names are the nested type's outer and inner names, so that two types of the same simple
 * name (a case view's report and the metrics' report) never share one schema. The command context an endpoint is given
 * is the signed-in member of staff, never a parameter a client sends.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String LOCATION = "Location";
    private static final String RETRY_AFTER = "Retry-After";

    /** Each feature package's tag. */
    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("cases", "Cases"),
            Map.entry("persons", "Persons"),
            Map.entry("outreach", "Outreach"),
            Map.entry("feed", "Change feed"),
            Map.entry("access", "Access log and access index"),
            Map.entry("integrity", "Integrity and audit"),
            Map.entry("casefile", "Integrity and audit"),
            Map.entry("privacy", "Privacy and erasure"),
            Map.entry("retention", "Privacy and erasure"),
            Map.entry("projections", "Read models and figures"),
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
                        .description("The case ledger of a children-and-families unit: every contact, decision and intervention "
                                + "an immutable event. Errors are RFC 9457 problems (docs/problems.md); lists are paged through "
                                + "the Link header; writes take Idempotency-Key and If-Match (README, \"Using the API\")."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The configured users (the embedded default and test servers)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("An access token of the municipality's identity provider (production)"))
                        .addSchemas(PROBLEM, problemSchema()))
                .tags(TAGS.values().stream().distinct().sorted().map(name -> new Tag().name(name)).toList())
                // relative: the document is the same on every node and behind any host name
                .servers(List.of(new Server().url("/")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    ModelConverter nestedTypeNames() {
        return new ModelResolver(Json.mapper(), new NestedTypeNames());
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
            // A command is given the command context and answers what the command transaction built (status, ETag,
            // Location). A search posted to keep its terms out of the URL is no command; nor is a batch such as the
            // retention run, which is given the context for its events but answers its report, unversioned.
            boolean command = ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())
                    && Arrays.stream(handler.getMethodParameters()).anyMatch(parameter -> parameter.getParameterType() == CommandContext.class);
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
            if (command) {
                problem(responses, "412", "If-Match named a version that is no longer the newest");
                problem(responses, "422", "The Idempotency-Key was used before with another body");
                operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .description("Makes a retry safe: the same key and body answer the first answer again and write nothing")
                        .schema(new StringSchema().maxLength(200)));
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                        .description("The version the write is conditional on (the ETag of a read)").schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name("X-Correlation-Id").required(false)
                        .description("Groups the events of one piece of work").schema(new StringSchema()));
                commandAnswers(responses);
            } else {
                operation.addParametersItem(new HeaderParameter().name("X-Purpose").required(false)
                        .description("Why the case or person is read; logged, encrypted, in the read-access log").schema(new StringSchema()));
            }
            problem(responses, "429", "Sign-in is locked for this user name or address after failed sign-ins")
                    .addHeaderObject(RETRY_AFTER, new Header().required(true).description("Seconds until the lock lifts")
                            .schema(new IntegerSchema()));
            problem(responses, "500", "The ledger failed; nothing was written that was not answered");
            problem(responses, "503", "The database or the identity provider does not answer; try again later")
                    .addHeaderObject(RETRY_AFTER, new Header().description("Seconds to wait before trying again").schema(new IntegerSchema()));
            if (responses.get("202") != null) {
                responses.get("202").addHeaderObject(LOCATION, new Header().required(true)
                        .description("Where to follow the progress").schema(new StringSchema()));
            }
            if (handler.hasMethodAnnotation(Paged.class) && responses.get("200") != null) {
                responses.get("200").addHeaderObject("Link", new Header()
                        .description("The next page (rel=\"next\", RFC 8288); absent on the last page of a list that ends")
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }

    /** What every answer to a command carries (README, "Using the API"); one that created something also says where it is. */
    private static void commandAnswers(ApiResponses responses) {
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                // a command that created something always wrote; one repeated with nothing left to do (an erasure) wrote nothing
                response.addHeaderObject("ETag", new Header().required(status.equals("201"))
                        .description("The version after the command, to send back in If-Match; absent when the command wrote "
                                + "nothing (an erasure of a person already erased)").schema(new StringSchema()));
                response.addHeaderObject("Idempotent-Replayed", new Header()
                        .description("Present, as true, when this is the first answer to the same Idempotency-Key and body again")
                        .schema(new StringSchema()._enum(List.of("true"))));
            }
            if (status.equals("201")) {
                response.addHeaderObject(LOCATION, new Header().required(true)
                        .description("Where what the command created can be read").schema(new StringSchema()));
            }
        });
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
     * An answer held as bytes but sent as JSON (the case file, signed as the bytes it is) is a JSON document, not a
     * base64 string as springdoc reads {@code byte[]}; its shape is its own schema's (docs/case-file.schema.json).
     */
    private static void jsonSentAsBytes(ApiResponses responses) {
        ApiResponse ok = responses.get("200");
        MediaType json = ok == null || ok.getContent() == null ? null : ok.getContent().get(JSON);
        if (json != null && json.getSchema() != null && "byte".equals(json.getSchema().getFormat())) {
            json.schema(new ObjectSchema().additionalProperties(true)
                    .description("A JSON document sent byte for byte as it is signed; its own schema describes it"));
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
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
        return responses.get(status);
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
                .addProperty("verification", new Schema<>().$ref("#/components/schemas/VerificationReport")
                        .description("Why the case's events do not verify (a 409 integrity-broken)"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())))
                .required(List.of("type", "title", "status"));
    }

    /** Nested types named by their outer and inner names: {@code CaseView.Report} is {@code CaseViewReport}. */
    private static final class NestedTypeNames extends TypeNameResolver {
        @Override
        protected String getNameOfClass(Class<?> type) {
            Class<?> outer = type.getEnclosingClass();
            return outer == null ? super.getNameOfClass(type) : getNameOfClass(outer) + type.getSimpleName();
        }
    }
}
