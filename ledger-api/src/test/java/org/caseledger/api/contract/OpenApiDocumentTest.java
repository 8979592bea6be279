package org.caseledger.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseledger.api.support.JsonSchemaCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed OpenAPI document (which OpenApiContractIT keeps equal to the served one) says what an integrator needs of
 * every operation: what a success answers, in its exact shape and media type; what a request body must and may hold;
 * what the operation does; and, for commands, where a created resource is and what version it left.
 */
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = JsonMapper.builder().build().readTree(Files.readString(COMMITTED));
    }

    @Test
    void givenEveryOperationThenEachSuccessAnswersATypedBodyOfANamedMediaTypeOrNone() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((operation, spec) -> {
            List<Map.Entry<String, JsonNode>> successes = spec.path("responses").properties().stream()
                    .filter(response -> response.getKey().startsWith("2")).toList();
            if (successes.isEmpty()) {
                wrong.add(operation + " documents no success");
            }
            for (Map.Entry<String, JsonNode> success : successes) {
                JsonNode content = success.getValue().path("content");
                if (content.isEmpty() && !success.getKey().equals("204")) {
                    wrong.add(operation + " answers " + success.getKey() + " with nothing said of its body");
                }
                for (Map.Entry<String, JsonNode> media : content.properties()) {
                    String where = operation + " " + success.getKey() + " " + media.getKey();
                    if (media.getKey().contains("*")) {
                        wrong.add(where + ": a wildcard media type");
                    }
                    freeForm(media.getValue().path("schema"), where, new HashSet<>(), wrong);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void givenEveryRequestBodyThenItIsJsonThatSaysWhatItRequiresAndTakesNothingElse() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((operation, spec) -> {
            JsonNode body = spec.path("requestBody");
            if (body.isMissingNode()) {
                return;
            }
            if (!Set.copyOf(body.path("content").propertyNames()).equals(Set.of("application/json"))) {
                wrong.add(operation + " takes " + body.path("content").propertyNames());
            }
            JsonNode schema = resolve(body.path("content").path("application/json").path("schema"));
            if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
                wrong.add(operation + ": its body takes members it does not name");
            }
            // a body that may be left out entirely may require nothing; one that must be sent says what it must hold,
            // as a list of members or as the members of which it holds exactly one (RequestSchemas, "not" of the others)
            if (body.path("required").asBoolean() && schema.path("required").isEmpty() && schema.path("not").isMissingNode()) {
                wrong.add(operation + ": its body has no required list");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void givenEveryOperationThenItHasASummaryADescriptionAndAnIdOfItsOwn() {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        forEachOperation((operation, spec) -> {
            if (spec.path("summary").asString("").isBlank() || spec.path("description").asString("").isBlank()) {
                wrong.add(operation + " lacks a summary or a description");
            }
            if (!ids.add(spec.path("operationId").asString())) {
                wrong.add(operation + " shares its operationId " + spec.path("operationId"));
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void givenEveryCreationThenItSaysWhereAndEveryCommandWhichVersionItLeft() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((operation, spec) -> {
            boolean keyed = false;
            for (JsonNode parameter : spec.path("parameters")) {
                keyed |= parameter.path("name").asString().equals("Idempotency-Key");
            }
            for (Map.Entry<String, JsonNode> response : spec.path("responses").properties()) {
                JsonNode headers = response.getValue().path("headers");
                if (response.getKey().equals("201") && !headers.path("Location").path("required").asBoolean()) {
                    wrong.add(operation + " creates without a Location");
                }
                if (keyed && response.getKey().startsWith("2") && !headers.has("ETag")) {
                    wrong.add(operation + " answers " + response.getKey() + " without an ETag");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void givenEveryExampleOfARequestBodyThenItIsABodyTheDocumentAllows() {
        JsonSchemaCheck schemas = new JsonSchemaCheck(document);
        List<String> wrong = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        forEachOperation((operation, spec) -> {
            JsonNode json = spec.path("requestBody").path("content").path("application/json");
            for (Map.Entry<String, JsonNode> example : json.path("examples").properties()) {
                examples.add(example.getKey());
                List<String> violations = schemas.violations(json.path("schema"), example.getValue().path("value"));
                if (!violations.isEmpty()) {
                    wrong.add(operation + " example " + example.getKey() + ": " + violations);
                }
            }
        });
        assertThat(examples).as("examples of opening a case, a note and a decision").hasSizeGreaterThanOrEqualTo(4);
        assertThat(wrong).isEmpty();
    }

    /**
     * Adds a complaint for each place in the schema, or the schemas it refers to, that says nothing of its shape: an
     * object with no members and no typed map values, or a schema with no type, reference or composition at all.
     */
    private static void freeForm(JsonNode schema, String where, Set<String> seen, List<String> wrong) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asString();
            if (seen.add(ref)) {
                freeForm(resolve(schema), where + " > " + ref.substring(ref.lastIndexOf('/') + 1), seen, wrong);
            }
            return;
        }
        boolean composed = schema.has("oneOf") || schema.has("anyOf") || schema.has("allOf");
        if (!schema.has("type") && !schema.has("const") && !schema.has("enum") && !composed) {
            wrong.add(where + ": a schema of no type");
            return;
        }
        for (String composition : List.of("oneOf", "anyOf", "allOf")) {
            schema.path(composition).forEach(part -> freeForm(part, where, seen, wrong));
        }
        schema.path("properties").properties().forEach(property -> freeForm(property.getValue(), where + "." + property.getKey(), seen, wrong));
        if (schema.has("items")) {
            freeForm(schema.path("items"), where + "[]", seen, wrong);
        }
        JsonNode values = schema.path("additionalProperties");
        if (values.isObject()) {
            if (values.isEmpty()) {
                wrong.add(where + ": a map of values of any shape");
            } else {
                freeForm(values, where + "{}", seen, wrong);
            }
        }
        boolean object = schema.path("type").asString("").equals("object");
        if (object && schema.path("properties").isEmpty() && !values.isObject() && !composed) {
            wrong.add(where + ": an object with no members");
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        JsonNode target = document;
        for (String part : schema.path("$ref").asString().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    private interface OperationCheck {
        void check(String operation, JsonNode spec);
    }

    private static void forEachOperation(OperationCheck check) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    check.check(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                }
            }
        }
    }
}
