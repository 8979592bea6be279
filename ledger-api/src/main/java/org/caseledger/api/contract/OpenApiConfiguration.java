package org.caseledger.api.contract;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
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
import java.util.List;
import java.util.Map;
import org.caseledger.api.web.CommandContext;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

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
    private static final String PROBLEM_JSON = "application/problem+json";

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
                        .description("The case ledger of a children-and-families unit: every contact, decision and intervention "
                                + "an immutable event. Errors are RFC 9457 problems (docs/problems.md); lists are paged through "
                                + "the Link header; writes take Idempotency-Key and If-Match (README, \"Using the API\")."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The configured users (the embedded default and test servers)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("An access token of the municipality's identity provider (production)"))
                        .addSchemas(PROBLEM, problemSchema()))
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
            operation.setTags(List.of(TAGS.getOrDefault(feature.substring(feature.lastIndexOf('.') + 1), "Ledger")));
            ApiResponses responses = operation.getResponses();
            problem(responses, "400", "The request is malformed: see errors per field");
            problem(responses, "401", "Not signed in");
            problem(responses, "403", "Not allowed for this member of staff");
            problem(responses, "404", "No such resource, or none this member of staff may know of");
            // a command is given the command context; a search posted to keep its terms out of the URL is not
            boolean command = java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType() == CommandContext.class);
            if (!handler.hasMethodAnnotation(GetMapping.class)) {
                problem(responses, "406", "The Accept header allows no JSON: nothing was written");
                problem(responses, "415", "The body is not JSON, or the write does not say it is");
            }
            if (command) {
                problem(responses, "409", "A rule of the ledger refused it: the member rule names which");
                problem(responses, "412", "If-Match named a version that is no longer the newest");
                problem(responses, "422", "The Idempotency-Key was used before with another body");
                operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .description("Makes a retry safe: the same key and body answer the first answer again and write nothing")
                        .schema(new StringSchema().maxLength(200)));
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                        .description("The version the write is conditional on (the ETag of a read)").schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name("X-Correlation-Id").required(false)
                        .description("Groups the events of one piece of work").schema(new StringSchema()));
            } else {
                operation.addParametersItem(new HeaderParameter().name("X-Purpose").required(false)
                        .description("Why the case or person is read; logged, encrypted, in the read-access log").schema(new StringSchema()));
            }
            problem(responses, "500", "The ledger failed; nothing was written that was not answered");
            if (handler.hasMethodAnnotation(Paged.class) && responses.get("200") != null) {
                responses.get("200").addHeaderObject("Link", new Header()
                        .description("The next page (rel=\"next\", RFC 8288); absent on the last page of a list that ends")
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, problemResponse(description));
        }
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
