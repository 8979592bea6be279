package org.caseledger.api.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests made from the OpenAPI document's schemas by a seeded random source: values of the declared type, format
 * and enum, and then, half the time, spoiled in one of the ways an integrator's bug or an attacker spoils them (a
 * required member left out, a wrong type, an enum value that does not exist, an impossible date, a huge number, a
 * long or hostile string, JSON that is not an object, is cut off or nests deeply).
 */
final class RequestGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> HOSTILE_TEXT = List.of("", " ", "x".repeat(5_000), "' OR 1=1 --",
            "<script>alert(1)</script>", "\u0000\u0007\u001b", "💥𝕏\u202e", "../../etc/passwd", "%00", "${jndi:ldap://x}",
            "{{7*7}}", "null", "NaN", "-1", "99999999999999999999999");

    private final JsonNode document;
    private final Random random;
    private final Map<String, String> knownIds;

    RequestGenerator(JsonNode document, long seed, Map<String, String> knownIds) {
        this.document = document;
        this.random = new Random(seed);
        this.knownIds = knownIds;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A value for a path or query parameter: usually fitting its schema, sometimes not. */
    String parameter(String name, JsonNode schema) {
        if (chance(0.2)) {
            return pick(List.of("x", "-1", "0", "9223372036854775808", "%2e%2e%2f", "a".repeat(300), "%00", "2026-02-30",
                    UUID.randomUUID().toString(), "%F0%9F%92%A5"));
        }
        if (knownIds.containsKey(name) && chance(0.8)) {
            return knownIds.get(name);
        }
        JsonNode value = value(schema, 0);
        return value.isString() ? value.asString() : value.toString();
    }

    /** A body for the schema, spoiled half the time; the text as it is sent. */
    String body(JsonNode schema) {
        JsonNode value = value(schema, 0);
        if (!chance(0.5)) {
            return JSON.writeValueAsString(value);
        }
        switch (random.nextInt(7)) {
            case 0:
                return pick(List.of("[]", "null", "\"text\"", "42", "{", "{\"a\":", "", "{}{}", "{\"x\":1,\"x\":2}"));
            case 1:
                return "[".repeat(2_000) + "]".repeat(2_000);
            case 2:
                return JSON.writeValueAsString(value).replaceFirst("\\d", "99999999999999999999999999999");
            default:
                return JSON.writeValueAsString(spoilOneMember(value));
        }
    }

    private JsonNode spoilOneMember(JsonNode value) {
        if (!(value instanceof ObjectNode object) || object.isEmpty()) {
            return value;
        }
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        String name = pick(names);
        switch (random.nextInt(6)) {
            case 0 -> object.remove(name);
            case 1 -> object.put(name, pick(HOSTILE_TEXT));
            case 2 -> object.put(name, random.nextBoolean() ? 1e308 : -1);
            case 3 -> object.set(name, NODES.objectNode().put("nested", true));
            case 4 -> object.set(name, NODES.nullNode());
            default -> object.put(name, pick(List.of("2026-02-30", "2026-13-01T25:61:00Z", "NOT_A_VALUE", "1970-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59Z")));
        }
        return object;
    }

    /** A value of the schema's type, format and enum: what a correct client might send. */
    JsonNode value(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode()) {
            return NODES.stringNode("x");
        }
        if (schema.has("$ref")) {
            return value(resolve(schema.get("$ref").asString()), depth);
        }
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return pick(values);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode choices = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
            return value(choices.get(random.nextInt(choices.size())), depth);
        }
        String type = schema.path("type").asString("object");
        return switch (type) {
            case "string" -> NODES.stringNode(string(schema));
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(random.nextDouble() * 100);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> array(schema, depth);
            default -> object(schema, depth);
        };
    }

    private String string(JsonNode schema) {
        String format = schema.path("format").asString("");
        return switch (format) {
            case "uuid" -> knownIds.values().stream().filter(id -> id.length() == 36).skip(random.nextInt(3))
                    .findFirst().filter(id -> chance(0.5)).orElse(UUID.randomUUID().toString());
            case "date-time" -> Instant.parse("2025-06-01T00:00:00Z").plusSeconds(random.nextInt(60 * 60 * 24 * 500)).toString();
            case "date" -> LocalDate.of(2025, 6, 1).plusDays(random.nextInt(500)).toString();
            default -> {
                int maxLength = schema.path("maxLength").asInt(40);
                // a registered member of staff and one nobody registered, so that a reference to staff is tried both ways
                String text = pick(List.of("Ringde skolan.", "Hembesök", "anna.lind", "ola.okand", "vivalla", "Åsa Öberg", "2026-00001"));
                yield text.length() > maxLength ? text.substring(0, maxLength) : text;
            }
        };
    }

    private long integer(JsonNode schema) {
        long minimum = schema.path("minimum").asLong(0);
        long maximum = schema.path("maximum").asLong(minimum + 100);
        return minimum + (long) (random.nextDouble() * Math.max(1, Math.min(maximum - minimum, 1_000_000)));
    }

    private ArrayNode array(JsonNode schema, int depth) {
        ArrayNode array = NODES.arrayNode();
        if (depth < 4) {
            for (int i = random.nextInt(3); i > 0; i--) {
                array.add(value(schema.path("items"), depth + 1));
            }
        }
        return array;
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth >= 4) {
            return object;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").properties().iterator();
             properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (required.contains(property.getKey()) || chance(0.6)) {
                object.set(property.getKey(), value(property.getValue(), depth + 1));
            }
        }
        return object;
    }

    private JsonNode resolve(String reference) {
        JsonNode node = document;
        for (String part : reference.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }
}
