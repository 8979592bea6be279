package org.caseledger.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bounded, seeded fuzz test over every operation of the committed OpenAPI document: requests built from the
 * document's schemas, half of them spoiled ({@link RequestGenerator}), sent as members of staff of every role. No
 * answer may be a 5xx, a status the document does not declare for the operation, an error that is not a problem or
 * that names the ledger's internals (Java classes, libraries, exceptions), or a refusal after which an event was
 * stored. It runs in a database of its own, since it calls every administrative operation too.
 *
 * <p>{@code -Dfuzz.seed=N} repeats a run; {@code -Dfuzz.requests=N} sets the requests per operation (default 20).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ContractFuzzIT {

    private static final TestDatabase.Database DATABASE = TestDatabase.another();
    private static final Path DOCUMENT = Path.of("..", "docs", "openapi.json");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final List<String> EVERY_ROLE = List.of("anna", "karin", "lars", "mia", "eva", "ivo");
    private static final List<String> SPOILED_ACCEPT = List.of("application/xml", "text/csv", "*/*", "application/json",
            "text/html", "application/problem+json", "image/png;q=0.1");
    private static final List<String> SPOILED_CONTENT_TYPES = List.of("text/plain", "*/*", "application/*", "text/*",
            "application/xml", "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded");
    /** What an error body must not name: packages of the JVM and the libraries, exceptions, nested Java types. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.axonframework|org\\.postgresql"
                    + "|org\\.caseledger|org\\.hibernate)\\.[a-zA-Z]|\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b|\\b[A-Z][A-Za-z]+\\$[A-Z]");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.registerIn(registry);
    }

    @Test
    void givenEveryOperationOfTheDocument_whenSentSeededRandomAndSpoiledRequests_thenNoAnswerBreaksTheContract()
            throws IOException {
        long seed = Long.getLong("fuzz.seed", 20261207L);
        int perOperation = Integer.getInteger("fuzz.requests", 20);
        JsonNode document = JsonMapper.builder().build().readTree(Files.readString(DOCUMENT));
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);
        RequestGenerator generator = new RequestGenerator(document, seed, knownIds(http));
        List<String> findings = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int operations = 0;

        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                operations++;
                for (int i = 0; i < perOperation; i++) {
                    Sent sent = send(http, generator, method, path.getKey(), operation);
                    statuses.merge(sent.answer().status(), 1, Integer::sum);
                    findings.addAll(breaches(sent, operation));
                }
            }
        }

        System.out.printf("[fuzz] seed %d: %d operations, %d requests, statuses %s%n", seed, operations,
                statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses);
        assertThat(operations).isGreaterThan(50);
        assertThat(findings).as("seed %d: answers that break the contract", seed).isEmpty();
        assertThat(danglingPersonReferences()).as("seed %d: events naming a person not registered, or erased, when stored", seed).isEmpty();
        assertThat(danglingStaffReferences()).as("seed %d: events naming a member of staff not registered, or gone, when stored", seed)
                .isEmpty();
    }

    /**
     * The stored events that name a member of staff — as the one who recorded it, a case's assignee or a decision's
     * decision maker — who was not in the staff registry before them, or whose last day had passed on the day the fact
     * happened. The configuration's own entries of the staff ({@code ledger-configuration}) are the registry's start.
     */
    private List<String> danglingStaffReferences() {
        return jdbc.sql("""
                SELECT e.payload_type || ' ' || e.aggregate_identifier || ' names ' || r.staff
                FROM domain_event_entry e
                CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS data) d
                CROSS JOIN LATERAL (SELECT ((d.data -> 'envelope' ->> 'occurredAt')::timestamptz AT TIME ZONE 'Europe/Stockholm')::date AS day) o
                CROSS JOIN LATERAL (VALUES (d.data -> 'envelope' ->> 'actor'), (d.data ->> 'assignee'), (d.data ->> 'decidedBy')) AS r(staff)
                WHERE r.staff IS NOT NULL AND r.staff <> 'ledger-configuration'
                  AND (NOT EXISTS (SELECT 1 FROM domain_event_entry s WHERE s.global_index < e.global_index
                                   AND s.payload_type = 'org.caseledger.core.staff.StaffMemberRegistered'
                                   AND convert_from(s.payload, 'UTF8')::jsonb ->> 'staffId' = r.staff)
                       OR EXISTS (SELECT 1 FROM domain_event_entry s WHERE s.global_index < e.global_index
                                  AND s.payload_type = 'org.caseledger.core.staff.StaffMembershipEnded'
                                  AND convert_from(s.payload, 'UTF8')::jsonb ->> 'staffId' = r.staff
                                  AND (convert_from(s.payload, 'UTF8')::jsonb ->> 'lastDay')::date < o.day))
                """).query(String.class).list();
    }

    /**
     * The stored events that name a person (a case's child, a consent's giver) who was not registered before them, or
     * was erased before them: read from the event store itself, whatever the API answered.
     */
    private List<String> danglingPersonReferences() {
        return jdbc.sql("""
                SELECT e.payload_type || ' ' || e.aggregate_identifier || ' names ' || r.person
                FROM domain_event_entry e
                CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS data) d
                CROSS JOIN LATERAL (VALUES (d.data ->> 'child'), (d.data ->> 'person')) AS r(person)
                WHERE r.person IS NOT NULL
                  AND (NOT EXISTS (SELECT 1 FROM domain_event_entry p WHERE p.aggregate_identifier = r.person
                                   AND p.payload_type = 'org.caseledger.core.person.PersonRegistered' AND p.global_index < e.global_index)
                       OR EXISTS (SELECT 1 FROM domain_event_entry p WHERE p.aggregate_identifier = r.person
                                  AND p.payload_type = 'org.caseledger.core.person.PersonErased' AND p.global_index < e.global_index))
                """).query(String.class).list();
    }

    private record Sent(String method, String target, String user, String body, Response answer, long eventsBefore,
                        long eventsAfter) {

        @Override
        public String toString() {
            String shownBody = body == null ? "" : " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
            return method.toUpperCase() + " " + target + " as " + user + shownBody + " -> " + answer.status() + " "
                    + (answer.text().length() > 300 ? answer.text().substring(0, 300) + "…" : answer.text());
        }
    }

    private Sent send(LedgerHttp http, RequestGenerator generator, String method, String template, JsonNode operation) {
        StringBuilder target = new StringBuilder(template);
        List<String> query = new ArrayList<>();
        LedgerHttp caller = http;
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            boolean send = parameter.path("required").asBoolean(false) || generator.chance(0.5);
            if (!send) {
                continue;
            }
            String value = generator.parameter(name, parameter.path("schema"));
            switch (in) {
                case "path" -> {
                    int at = target.indexOf("{" + name + "}");
                    target.replace(at, at + name.length() + 2, encodedSegment(value));
                }
                case "query" -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                case "header" -> caller = caller.header(name, value.replaceAll("[\\r\\n]", ""));
                default -> {
                }
            }
        }
        if (!query.isEmpty()) {
            target.append('?').append(String.join("&", query));
        }
        String user = generator.chance(0.05) ? null : generator.pick(EVERY_ROLE);
        caller = user == null ? caller.anonymous() : caller.as(user);
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        String body = method.equals("get") || method.equals("delete") ? null
                : schema.isMissingNode() ? (generator.chance(0.5) ? "{}" : null) : generator.body(schema);
        String contentType = method.equals("get") ? null : "application/json";
        if (generator.chance(0.1)) {
            caller = caller.header("Accept", generator.pick(SPOILED_ACCEPT));
        }
        if (!method.equals("get") && generator.chance(0.1)) {
            contentType = generator.pick(SPOILED_CONTENT_TYPES);
        }
        long before = storedEvents();
        Response answer = caller.send(method.toUpperCase(), target.toString(), contentType, body);
        return new Sent(method, target.toString(), user == null ? "anonymous" : user, body, answer, before, storedEvents());
    }

    private static List<String> breaches(Sent sent, JsonNode operation) {
        List<String> breaches = new ArrayList<>();
        int status = sent.answer().status();
        if (status >= 500) {
            breaches.add("5xx: " + sent);
        }
        if (!operation.path("responses").has(String.valueOf(status)) && !operation.path("responses").has("default")) {
            breaches.add("undocumented status " + status + ": " + sent);
        }
        if (status >= 400) {
            String type = String.valueOf(sent.answer().contentType());
            if (!type.startsWith("application/problem+json")) {
                breaches.add("an error that is not a problem (" + type + "): " + sent);
            }
            Matcher internal = INTERNALS.matcher(sent.answer().text());
            if (internal.find()) {
                breaches.add("an error naming an internal (" + internal.group() + "): " + sent);
            }
        }
        if ((status < 200 || status >= 300) && sent.eventsAfter() != sent.eventsBefore()) {
            breaches.add((sent.eventsAfter() - sent.eventsBefore()) + " event(s) stored by a " + status + ": " + sent);
        }
        return breaches;
    }

    /** Ids the requests may hit: a case of anna's unit, its child, and ids of things in it. */
    private static Map<String, String> knownIds(LedgerHttp http) {
        String child = Fixtures.registerChild(http);
        String caseId = Fixtures.openCaseOnSchoolReport(http, child).field("caseId");
        String noteId = http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Ringde skolan."))
                .field("noteId");
        String visitId = http.as("anna").post("/api/v1/cases/" + caseId + "/visits",
                Map.of("plannedAt", "2026-04-01T09:00:00Z", "place", "HOME")).field("visitId");
        String household = http.as("anna").get("/api/v1/cases/" + caseId).field("household");
        return Map.of("caseId", caseId, "personId", child, "noteId", noteId == null ? UUID.randomUUID().toString() : noteId,
                "visitId", visitId == null ? UUID.randomUUID().toString() : visitId, "itemId", visitId == null ? caseId : visitId,
                "collection", "visits", "treeSize", "1", "householdId", household == null ? UUID.randomUUID().toString() : household);
    }

    private static String encodedSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
