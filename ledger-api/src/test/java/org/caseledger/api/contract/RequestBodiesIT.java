package org.caseledger.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.JsonSchemaCheck;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.core.shared.Require;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request bodies' schemas in the served OpenAPI document say what the ledger accepts. For every operation that takes
 * a JSON body, the bodies the document allows (the least it requires; all it names, each text at its longest; each value
 * of each enum, with what the document then requires) are not refused as malformed, and the bodies it does not allow (a required member left out, a text one character too long
 * or blank, a value the document leaves out of an enum, a shape it refuses, a member it does not name) are refused with
 * 400. The document judges each body first, so a test body that is not what it claims to be fails too. The operations
 * and their request records are read from Spring MVC's own mappings: a new endpoint is checked without a change here.
 */
class RequestBodiesIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EMOJI = "\uD83D\uDE00";

    /**
     * A decision cites a legal basis for its kind, and the ledger checks that (409) before what the document can say
     * about the body: a body about an intervention cites the basis of interventions, so that only the body decides.
     */
    private static final Map<String, String> LEGAL_BASIS_OF_KIND = Map.of(
            "GRANT_INTERVENTION", "SFS2025:400-9kap1", "DENY_INTERVENTION", "SFS2025:400-9kap1", "END_INTERVENTION", "SFS2025:400-9kap1");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private JsonNode document;
    private JsonSchemaCheck schemas;
    private final List<String> wrong = new ArrayList<>();
    private int sent;

    /** Where one operation is tried: the address with its ids filled in, and who sends it. */
    private record Target(String user, String path, String caseId, String reportId, String child) {
    }

    @Test
    void givenEveryJsonRequestBodyThenWhatTheDocumentAllowsIsTakenAndWhatItDoesNotIsRefused() {
        document = http.as("anna").get("/v3/api-docs").json();
        schemas = new JsonSchemaCheck(document);
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            JsonNode post = path.getValue().path("post");
            JsonNode content = post.path("requestBody").path("content").path("application/json");
            if (content.isMissingNode()) {
                continue;
            }
            operations++;
            check(path.getKey(), post, content.path("schema"));
        }
        assertThat(operations).as("operations with a JSON body").isGreaterThan(25);
        assertThat(wrong).as(sent + " bodies sent").isEmpty();
    }

    private void check(String template, JsonNode operation, JsonNode schemaRef) {
        JsonNode schema = resolve(schemaRef);
        Class<?> record = requestRecord(template);
        Set<String> successes = new HashSet<>();
        operation.path("responses").propertyNames().stream().filter(status -> status.startsWith("2")).forEach(successes::add);

        accepted(template, successes, body(schema, false), "the least the document requires");
        accepted(template, successes, body(schema, true), "all the document names");
        // each value of each enum, with what the document then requires: a rule the document does not say shows here
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            for (JsonNode value : resolve(property.getValue()).path("enum")) {
                ObjectNode body = body(schema, false);
                body.set(property.getKey(), value);
                accepted(template, successes, repaired(body, schema, false), property.getKey() + " " + value.asString());
            }
        }

        ObjectNode full = body(schema, true);
        for (JsonNode required : schema.path("required")) {
            ObjectNode without = full.deepCopy();
            without.remove(required.asString());
            refused(template, without, "without " + required.asString());
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode propertySchema = resolve(property.getValue());
            if (propertySchema.has("maxLength")) {
                ObjectNode tooLong = full.deepCopy();
                tooLong.put(name, "a".repeat(propertySchema.path("maxLength").asInt() + 1));
                refused(template, tooLong, name + " one character too long");
            }
            if (propertySchema.path("minLength").asInt() > 0 || propertySchema.path("pattern").asString().equals(Require.TEXT_PATTERN)) {
                ObjectNode blank = full.deepCopy();
                blank.put(name, " \t ");
                refused(template, blank, name + " blank");
            }
            if (propertySchema.has("enum") && record != null) {
                enumsOutsideTheDocument(template, full, record, name, propertySchema);
            }
            if (propertySchema.path("type").asString("").equals("object") && propertySchema.has("properties")) {
                for (JsonNode required : propertySchema.path("required")) {
                    ObjectNode without = full.deepCopy();
                    ((ObjectNode) without.path(name)).remove(required.asString());
                    refused(template, without, name + " without " + required.asString());
                }
            }
        }
        for (JsonNode shape : schema.path("not").path("anyOf")) {
            refused(template, shaped(full, shape), "of the refused shape: " + shape.path("description").asString());
        }
        ObjectNode unknown = full.deepCopy();
        unknown.put("notAMember", "x");
        refused(template, unknown, "with a member the document does not name");
    }

    /** The document leaves some values of a Java enum out (they are only for old events): the ledger refuses them. */
    private void enumsOutsideTheDocument(String template, ObjectNode full, Class<?> record, String name, JsonNode schema) {
        Class<?> type = Arrays.stream(record.getRecordComponents()).filter(component -> component.getName().equals(name))
                .map(RecordComponent::getType).findFirst().orElse(null);
        if (type == null || !type.isEnum()) {
            return;
        }
        Set<String> documented = new HashSet<>();
        schema.path("enum").forEach(value -> documented.add(value.asString()));
        for (Object constant : type.getEnumConstants()) {
            String value = ((Enum<?>) constant).name();
            if (!documented.contains(value)) {
                ObjectNode body = full.deepCopy();
                body.put(name, value);
                refused(template, body, name + " " + value + ", which the document leaves out");
            }
        }
        ObjectNode unknown = full.deepCopy();
        unknown.put(name, "NOT_A_VALUE");
        refused(template, unknown, name + " a value of no enum");
    }

    private void accepted(String template, Set<String> successes, ObjectNode body, String what) {
        List<String> violations = schemas.violations(document.path("paths").path(template).path("post").path("requestBody")
                .path("content").path("application/json").path("schema"), body);
        if (!violations.isEmpty()) {
            wrong.add("POST " + template + ": the test's body of " + what + " breaks the document: " + violations + " " + body);
            return;
        }
        LedgerHttp.Response answer = send(template, body);
        if (answer.status() == 400 || answer.status() >= 500) {
            wrong.add("POST " + template + ": a body of " + what + ", which the document allows, is answered " + answer + " " + body);
        } else if (answer.status() < 300 && !successes.contains(String.valueOf(answer.status()))) {
            wrong.add("POST " + template + ": answered " + answer.status() + ", which the document does not name: " + successes);
        }
    }

    private void refused(String template, ObjectNode body, String what) {
        List<String> violations = schemas.violations(document.path("paths").path(template).path("post").path("requestBody")
                .path("content").path("application/json").path("schema"), body);
        if (violations.isEmpty()) {
            wrong.add("POST " + template + ": the document allows a body " + what + ": " + body);
            return;
        }
        LedgerHttp.Response answer = send(template, body);
        if (answer.status() != 400) {
            wrong.add("POST " + template + ": a body " + what + ", which the document does not allow, is answered " + answer);
        }
    }

    private LedgerHttp.Response send(String template, ObjectNode body) {
        Target target = target(template);
        sent++;
        return http.as(target.user()).send("POST", target.path(), "application/json", JSON.writeValueAsString(fill(body, target)));
    }

    /** A body as the document describes it: its required members, or all, each with a value it allows. */
    private ObjectNode body(JsonNode schemaRef, boolean all) {
        JsonNode schema = resolve(schemaRef);
        ObjectNode body = JSON.createObjectNode();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (all || required.contains(property.getKey())) {
                body.set(property.getKey(), value(property.getKey(), property.getValue(), all));
            }
        }
        return repaired(body, schema, all);
    }

    /** The body, changed until it has none of the shapes the document refuses. */
    private ObjectNode repaired(ObjectNode body, JsonNode schema, boolean all) {
        for (int round = 0; round < 4; round++) {
            for (JsonNode shape : schema.path("not").path("anyOf")) {
                if (schemas.violations(shape, body).isEmpty()) {
                    escape(body, shape, schema, all);
                }
            }
        }
        return body;
    }

    /** Changes a body of a refused shape so that it no longer has it: adds the member it lacks, or drops the second of two. */
    private void escape(ObjectNode body, JsonNode shape, JsonNode schema, boolean all) {
        JsonNode lacking = shape.path("not").has("anyOf") ? shape.path("not").path("anyOf").get(0) : shape.path("not");
        if (lacking.has("required")) {
            String member = lacking.path("required").get(0).asString();
            body.set(member, value(member, schema.path("properties").path(member), all));
        } else if (shape.path("required").size() == 2) {
            body.remove(shape.path("required").get(1).asString());
        }
    }

    /** A body of the refused shape, made from one the document allows. */
    private ObjectNode shaped(ObjectNode allowed, JsonNode shape) {
        ObjectNode body = allowed.deepCopy();
        if (shape.path("not").has("anyOf") || shape.path("not").has("required")) {
            JsonNode lacking = shape.path("not");
            (lacking.has("anyOf") ? lacking.path("anyOf") : JSON.createArrayNode().add(lacking))
                    .forEach(part -> part.path("required").forEach(member -> body.remove(member.asString())));
        }
        for (Map.Entry<String, JsonNode> property : shape.path("properties").properties()) {
            body.set(property.getKey(), property.getValue().path("enum").get(0));
        }
        if (!shape.has("not")) {
            for (JsonNode member : shape.path("required")) {
                if (!body.has(member.asString())) {
                    body.put(member.asString(), UUID.randomUUID().toString());
                }
            }
        }
        return body;
    }

    private JsonNode value(String name, JsonNode schemaRef, boolean all) {
        JsonNode schema = resolve(schemaRef);
        if (schema.path("type").asString("").equals("object")) {
            return body(schema, all);
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        switch (schema.path("type").asString("")) {
            case "boolean":
                return JSON.getNodeFactory().booleanNode(true);
            case "integer":
                return JSON.getNodeFactory().numberNode(all && schema.has("maximum") ? schema.path("maximum").asLong()
                        : schema.path("minimum").asLong(1));
            case "array": {
                ArrayNode items = JSON.createArrayNode();
                items.add(value(name, schema.path("items"), all));
                return items;
            }
            default:
                return JSON.getNodeFactory().stringNode(text(name, schema, all));
        }
    }

    private static String text(String name, JsonNode schema, boolean all) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        switch (schema.path("format").asString("")) {
            case "uuid":
                return "{" + name + "}";
            case "date-time":
                return (name.equals("plannedAt") ? now.plus(2, ChronoUnit.DAYS) : now.minus(1, ChronoUnit.HOURS)).toString();
            case "date":
                return (name.equals("validUntil") ? today.plusDays(30) : name.equals("investigationExtendedUntil") ? today.plusDays(60)
                        : today).toString();
            default:
                break;
        }
        if (name.equals("identityNumber")) {
            return Fixtures.identityNumber();
        }
        if (name.equals("assignee")) {
            return "anna.lind";
        }
        if (name.equals("toUnit")) {
            return "central-reception";
        }
        if (schema.has("example")) {
            return schema.path("example").asString();
        }
        if (all && schema.has("maxLength")) {
            // the longest text the document allows, counted as it counts: an emoji is one character
            return EMOJI + "a".repeat(schema.path("maxLength").asInt() - 1);
        }
        return "Ett exempel";
    }

    /**
     * The ids a body names, filled in: the case's own, its report, its child; any other a new one. A decision's legal
     * basis is the one of its kind.
     */
    private static JsonNode fill(JsonNode value, Target target) {
        if (value.isObject()) {
            ObjectNode filled = JSON.createObjectNode();
            value.properties().forEach(member -> filled.set(member.getKey(), fill(member.getValue(), target)));
            String basis = LEGAL_BASIS_OF_KIND.get(value.path("kind").asString(""));
            if (basis != null && filled.has("legalBasis")) {
                filled.put("legalBasis", basis);
            }
            return filled;
        }
        if (value.isString() && value.asString().matches("^\\{\\w+}$")) {
            return JSON.getNodeFactory().stringNode(switch (value.asString()) {
                case "{reportId}" -> target.reportId();
                case "{child}", "{person}" -> target.child();
                default -> UUID.randomUUID().toString();
            });
        }
        return value;
    }

    /** A new case for each body, opened on a report about a new child; a new person for each body about a person. */
    private Target target(String template) {
        String child = Fixtures.registerChild(http);
        String caseId = null;
        String reportId = null;
        if (template.contains("{caseId}")) {
            LedgerHttp.Response opened = Fixtures.openCaseOnSchoolReport(http, child);
            caseId = opened.field("caseId");
            reportId = opened.field("reportId");
        }
        String path = template.replace("{caseId}", String.valueOf(caseId)).replace("{personId}", child)
                .replace("{householdId}", UUID.randomUUID().toString());
        for (String variable : List.of("{visitId}", "{noteId}", "{interventionId}", "{consentId}")) {
            path = path.replace(variable, UUID.randomUUID().toString());
        }
        if (template.contains("{staffId}")) {
            String member = "bodies." + UUID.randomUUID().toString().substring(0, 8);
            LedgerHttp.Response entered = http.as("eva").post("/api/v1/staff", Map.of("staffId", member, "name", "Maria Nord",
                    "unit", "vivalla", "role", "SOCIAL_SECRETARY", "activeFrom", "2026-01-01"));
            assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
            path = path.replace("{staffId}", member);
        }
        // a group leader assigns and decides on interventions; a unit head erases, lifts a protection and exports for a
        // recipient; the administrator keeps the staff registry
        String user = template.startsWith("/api/v1/staff") ? "eva"
                : template.endsWith("/assignments") || template.endsWith("/decisions") ? "karin"
                : template.contains("/erasure") || template.endsWith("/lifting") || template.endsWith("/exports") ? "lars" : "anna";
        return new Target(user, path, caseId, reportId, child);
    }

    private Class<?> requestRecord(String template) {
        for (Map.Entry<org.springframework.web.servlet.mvc.method.RequestMappingInfo, HandlerMethod> mapping
                : mappings.getHandlerMethods().entrySet()) {
            if (mapping.getKey().getPatternValues().contains(template)
                    && mapping.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                for (MethodParameter parameter : mapping.getValue().getMethodParameters()) {
                    if (parameter.hasParameterAnnotation(RequestBody.class)) {
                        return parameter.getParameterType();
                    }
                }
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        JsonNode target = document;
        for (String part : schema.path("$ref").asString().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
