package org.caseledger.api.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a JSON value against the part of JSON Schema (2020-12) that docs/case-file.schema.json and the OpenAPI
 * document's request bodies use: local {@code $ref}, {@code type}, {@code const}, {@code enum}, {@code required},
 * {@code properties}, {@code additionalProperties: false}, {@code items}, {@code minItems}, {@code minimum},
 * {@code maximum}, {@code minLength}, {@code maxLength}, {@code pattern}, {@code anyOf}, {@code not}, and
 * {@code contentSchema} for a string holding JSON. Small enough to read; no schema library is needed for these.
 */
public final class JsonSchemaCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode root;

    public JsonSchemaCheck(JsonNode root) {
        this.root = root;
    }

    /** Every place the value does not meet the schema; empty when it does. */
    public List<String> violations(JsonNode value) {
        return violations(root, value);
    }

    /** Every place the value does not meet a schema within the root (a part of it, or a reference into it). */
    public List<String> violations(JsonNode schema, JsonNode value) {
        List<String> found = new ArrayList<>();
        check(schema, value, "$", found);
        return found;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> found) {
        if (schema.has("$ref")) {
            String[] path = schema.path("$ref").asString().substring(2).split("/");
            JsonNode target = root;
            for (String part : path) {
                target = target.path(part);
            }
            check(target, value, at, found);
        }
        if (schema.has("const") && !schema.path("const").equals(value)) {
            found.add(at + ": is not " + schema.path("const"));
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.path("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                found.add(at + ": is none of " + schema.path("enum"));
            }
        }
        if (schema.has("not")) {
            List<String> inner = new ArrayList<>();
            check(schema.path("not"), value, at, inner);
            if (inner.isEmpty()) {
                found.add(at + ": has a shape the schema refuses" + (schema.path("not").has("description")
                        ? " (" + schema.path("not").path("description").asString() + ")" : ""));
            }
        }
        if (schema.has("type") && !typeMatches(schema.path("type"), value)) {
            found.add(at + ": is not of type " + schema.path("type"));
            return;
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode option : schema.path("anyOf")) {
                List<String> inner = new ArrayList<>();
                check(option, value, at, inner);
                any |= inner.isEmpty();
            }
            if (!any) {
                found.add(at + ": matches none of anyOf");
            }
        }
        if (value.isString()) {
            int length = value.asString().codePointCount(0, value.asString().length());
            if (schema.has("minLength") && length < schema.path("minLength").asInt()) {
                found.add(at + ": is shorter than " + schema.path("minLength").asInt());
            }
            if (schema.has("maxLength") && length > schema.path("maxLength").asInt()) {
                found.add(at + ": is longer than " + schema.path("maxLength").asInt());
            }
            if (schema.has("pattern") && !Pattern.compile(schema.path("pattern").asString()).matcher(value.asString()).find()) {
                found.add(at + ": does not match " + schema.path("pattern").asString());
            }
            if (schema.has("contentSchema")) {
                check(schema.path("contentSchema"), JSON.readTree(value.asString()), at + "(content)", found);
            }
        }
        if (value.isIntegralNumber() && schema.has("minimum") && value.asLong() < schema.path("minimum").asLong()) {
            found.add(at + ": is below " + schema.path("minimum"));
        }
        if (value.isIntegralNumber() && schema.has("maximum") && value.asLong() > schema.path("maximum").asLong()) {
            found.add(at + ": is above " + schema.path("maximum"));
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asString())) {
                    found.add(at + ": lacks " + required.asString());
                }
            }
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                JsonNode property = schema.path("properties").path(member.getKey());
                if (!property.isMissingNode()) {
                    check(property, member.getValue(), at + "." + member.getKey(), found);
                } else if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                    found.add(at + ": has " + member.getKey() + ", which the schema does not allow");
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.path("minItems").asInt()) {
                found.add(at + ": has fewer than " + schema.path("minItems").asInt() + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), at + "[" + i + "]", found);
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asString()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "null" -> value.isNull();
            case "boolean" -> value.isBoolean();
            case "number" -> value.isNumber();
            default -> throw new IllegalArgumentException("a type this check does not know: " + type);
        };
    }
}
