package org.caseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.RawHttp;
import org.caseledger.api.support.ReadModels;
import org.caseledger.projections.readmodels.CaseViewProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refused write is refused before anything is written: every endpoint that changes the ledger (every mapped POST,
 * PUT, PATCH and DELETE, read from Spring's handler mapping, so a new one fails here until it has a request below),
 * sent a request it would carry out with one thing wrong with it: an {@code Accept} the ledger cannot produce, a
 * wildcard or foreign {@code Content-Type}, a body that is no JSON or of the wrong shape, an {@code If-Match} that is
 * no version or a stale one, no credentials, a role that may not, an oversized header. Each answer that is not 2xx
 * leaves the number of stored events as it was and carries no {@code ETag}; none is a 5xx. Then the same request,
 * with nothing wrong, is carried out, which shows that the refusals were refusals of a write that would have happened.
 */
class RefusalsWriteNothingIT extends IntegrationTest {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final int ANY_BUT_5XX = 0;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request the ledger carries out: who sends it, and to what, freshly prepared on each call. */
    private record Given(String actor, String outsider, Supplier<Attempt> attempt) {
    }

    /** What the mapping says of an endpoint: whether it reads a JSON body and a command context. */
    private record Endpoint(String key, boolean readsBody, boolean bodyRequired, boolean commandContext) {
    }

    /** One kind of refusal: how to spoil a request, and the status the spoiled request must get. */
    private record Refusal(String name, ToIntFunction<Endpoint> expected, Spoiler spoil) {
    }

    private interface Spoiler {
        Attempt apply(Attempt attempt, Given given);
    }

    /** A request as it goes out; the user's Basic credentials are added when it is sent. */
    private record Attempt(String user, String method, String target, Map<String, String> headers, byte[] body) {

        static Attempt of(String user, String method, String target, String json) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("Accept", "application/json");
            return new Attempt(user, method, target, headers, json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8));
        }

        Attempt header(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
            return new Attempt(user, method, target, changed, body);
        }

        Attempt as(String someone) {
            return new Attempt(someone, method, target, headers, body);
        }

        Attempt body(String text) {
            return new Attempt(user, method, target, headers, text.getBytes(StandardCharsets.UTF_8));
        }

        Attempt query(String query) {
            return new Attempt(user, method, target + (target.contains("?") ? "&" : "?") + query, headers, body);
        }
    }

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal("Accept: application/xml", endpoint -> 406, (attempt, given) -> attempt.header("Accept", "application/xml")),
            new Refusal("Accept: text/csv", endpoint -> 406, (attempt, given) -> attempt.header("Accept", "text/csv")),
            new Refusal("Accept: text/html", endpoint -> 406, (attempt, given) -> attempt.header("Accept", "text/html")),
            new Refusal("Accept: image/png, text/csv;q=0.5", endpoint -> 406,
                    (attempt, given) -> attempt.header("Accept", "image/png, text/csv;q=0.5")),
            new Refusal("Content-Type: */*", endpoint -> 415, (attempt, given) -> attempt.header("Content-Type", "*/*")),
            new Refusal("Content-Type: */* with X-Requested-By", endpoint -> 415,
                    (attempt, given) -> attempt.header("Content-Type", "*/*").header("X-Requested-By", "integrator")),
            new Refusal("Content-Type: application/* with X-Requested-By", endpoint -> 415,
                    (attempt, given) -> attempt.header("Content-Type", "application/*").header("X-Requested-By", "integrator")),
            new Refusal("Content-Type: text/* with X-Requested-By", endpoint -> 415,
                    (attempt, given) -> attempt.header("Content-Type", "text/*").header("X-Requested-By", "integrator")),
            new Refusal("Content-Type: application/*+json", endpoint -> 415,
                    (attempt, given) -> attempt.header("Content-Type", "application/*+json")),
            new Refusal("Content-Type: text/plain (a form of another site)", endpoint -> 415,
                    (attempt, given) -> attempt.header("Content-Type", "text/plain")),
            new Refusal("no Content-Type nor X-Requested-By", endpoint -> 415,
                    (attempt, given) -> attempt.header("Content-Type", null)),
            new Refusal("Content-Type: application/xml with X-Requested-By",
                    endpoint -> endpoint.readsBody() ? 415 : ANY_BUT_5XX,
                    (attempt, given) -> attempt.header("Content-Type", "application/xml").header("X-Requested-By", "integrator")),
            new Refusal("a body that is no JSON", endpoint -> endpoint.readsBody() ? 400 : ANY_BUT_5XX,
                    (attempt, given) -> attempt.body("{\"occurredAt\": ")),
            new Refusal("a JSON body of the wrong shape", endpoint -> endpoint.readsBody() ? 400 : ANY_BUT_5XX,
                    (attempt, given) -> attempt.body("[1, 2, 3]")),
            new Refusal("an empty body", endpoint -> endpoint.bodyRequired() ? 400 : ANY_BUT_5XX,
                    (attempt, given) -> attempt.body("")),
            new Refusal("If-Match that is no version", endpoint -> endpoint.commandContext() ? 400 : ANY_BUT_5XX,
                    (attempt, given) -> attempt.header("If-Match", "yesterday")),
            new Refusal("If-Match naming a version not current", endpoint -> ANY_BUT_5XX,
                    (attempt, given) -> attempt.header("If-Match", "\"987654321\"")),
            new Refusal("Idempotency-Key longer than allowed", endpoint -> endpoint.commandContext() ? 400 : ANY_BUT_5XX,
                    (attempt, given) -> attempt.header("Idempotency-Key", "k".repeat(201))),
            new Refusal("X-Correlation-Id longer than allowed", endpoint -> endpoint.commandContext() ? 400 : ANY_BUT_5XX,
                    (attempt, given) -> attempt.header("X-Correlation-Id", "c".repeat(201))),
            new Refusal("an unknown query parameter", endpoint -> ANY_BUT_5XX, (attempt, given) -> attempt.query("unexpected=1")),
            new Refusal("no credentials", endpoint -> 401, (attempt, given) -> attempt.as(null)),
            new Refusal("a role that may not", endpoint -> 403, (attempt, given) -> attempt.as(given.outsider())));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void givenEveryWriteTheLedgerServes_whenItsRequestIsKnownHere_thenNoneIsLeftOut() {
        assertThat(writeEndpoints().keySet()).as("every endpoint that changes the ledger has a request in this test")
                .isEqualTo(givens().keySet());
    }

    @Test
    void givenAWriteThatWouldBeCarriedOut_whenAnyOneThingAboutItIsRefused_thenNoEventIsStoredAndNothingFailsOnTheServer()
            throws IOException {
        Map<String, Endpoint> endpoints = writeEndpoints();
        Map<String, Given> givens = givens();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        int refused = 0;
        for (Map.Entry<String, Given> entry : givens.entrySet()) {
            Endpoint endpoint = endpoints.get(entry.getKey());
            Given given = entry.getValue();
            Attempt valid = given.attempt().get();
            for (Refusal refusal : REFUSALS) {
                Attempt spoiled = refusal.spoil().apply(valid, given);
                long before = storedEvents();
                RawHttp.Answer answer = send(spoiled);
                long after = storedEvents();
                sent++;
                String said = endpoint.key() + " with " + refusal.name() + ": " + answer.status() + " " + answer.text();
                int expected = refusal.expected().applyAsInt(endpoint);
                boolean success = answer.status() >= 200 && answer.status() < 300;
                if (answer.status() >= 500) {
                    wrong.add(said + " (a server error)");
                } else if (expected != ANY_BUT_5XX && answer.status() != expected) {
                    wrong.add(said + " (expected " + expected + ")");
                }
                if (!success) {
                    refused++;
                    if (after != before) {
                        wrong.add(said + " (refused, yet " + (after - before) + " event(s) stored)");
                    }
                    if (answer.header("ETag") != null) {
                        wrong.add(said + " (refused, yet it carries ETag " + answer.header("ETag") + ")");
                    }
                    if (answer.header("Content-Type") == null || !answer.header("Content-Type").startsWith("application/problem+json")) {
                        wrong.add(said + " (refused without a problem, Content-Type " + answer.header("Content-Type") + ")");
                    }
                } else {
                    // carried out: the next refusal needs a request that has not been carried out yet
                    valid = given.attempt().get();
                }
            }
            long before = storedEvents();
            RawHttp.Answer carriedOut = send(valid);
            sent++;
            if (carriedOut.status() < 200 || carriedOut.status() >= 300) {
                wrong.add(endpoint.key() + " with nothing wrong: " + carriedOut.status() + " " + carriedOut.text() + " (expected 2xx)");
            } else if (writesEvents(endpoint) && storedEvents() == before) {
                wrong.add(endpoint.key() + " with nothing wrong stored no event: the refusals above prove nothing");
            }
        }
        ReadModels.awaitCaughtUp(http, Duration.ofMinutes(2));
        System.out.printf("Refusals: %d endpoints x %d kinds of refusal; %d requests, %d refused, none may store an event%n",
                givens.size(), REFUSALS.size(), sent, refused);
        assertThat(wrong).isEmpty();
    }

    @Test
    void givenACommandToANewCase_whenTheClientAcceptsOnlyXml_thenItIsAnswered406BeforeAnythingIsWrittenAndTheCaseStaysAsItWas()
            throws IOException {
        String caseId = Fixtures.openCase(http);
        String etag = http.as("anna").get("/api/v1/cases/" + caseId).header("ETag");
        long before = storedEvents();

        RawHttp.Answer answer = send(Attempt.of("anna", "POST", "/api/v1/cases/" + caseId + "/notes", "{\"text\":\"Met the mother.\"}")
                .header("Accept", "application/xml"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(406);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("ETag")).isNull();
        assertThat(answer.text()).contains("application/json").doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]")
                .doesNotContain("Exception");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(http.as("anna").get("/api/v1/cases/" + caseId).header("ETag")).isEqualTo(etag);
    }

    @Test
    void givenAWriteWithAWildcardContentType_whenItIsSent_thenItIsAnswered415WithAProblemNamingNoInternals() throws IOException {
        String caseId = Fixtures.openCase(http);
        long before = storedEvents();

        for (String wildcard : List.of("*/*", "application/*", "text/*", "*/*; charset=UTF-8", "application/*+json")) {
            RawHttp.Answer answer = send(Attempt.of("anna", "POST", "/api/v1/cases/" + caseId + "/notes", "{\"text\":\"Met the mother.\"}")
                    .header("Content-Type", wildcard).header("X-Requested-By", "integrator"));

            assertThat(answer.status()).as(wildcard + ": " + answer.text()).isEqualTo(415);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.text()).contains("application/json").doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]")
                    .doesNotContain("Exception").doesNotContain("Jackson");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    /** Every mapped method that is not safe, as {@code METHOD /pattern}. */
    private Map<String, Endpoint> writeEndpoints() {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = mapping.getValue();
            MethodParameter body = Arrays.stream(handler.getMethodParameters())
                    .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class)).findFirst().orElse(null);
            boolean context = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType() == CommandContext.class);
            for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                if (SAFE.contains(method.name())) {
                    continue;
                }
                for (String pattern : mapping.getKey().getPatternValues()) {
                    if (pattern.startsWith("/ui/")) {
                        // the pages' one posted form is the case list's search, a read posted to keep a child's name out
                        // of the URL: it has a session and a CSRF token, not the API's refusals (PagesIT tries them)
                        continue;
                    }
                    String key = method.name() + " " + pattern;
                    endpoints.put(key, new Endpoint(key, body != null,
                            body != null && body.getParameterAnnotation(RequestBody.class).required(), context));
                }
            }
        }
        return endpoints;
    }

    /** The ledger's own event streams; the admin endpoints change other things (checkpoints, read models, locks). */
    private static boolean writesEvents(Endpoint endpoint) {
        return endpoint.commandContext() && (endpoint.key().startsWith("POST /api/v1/cases") || endpoint.key().startsWith("POST /api/v1/persons")
                || endpoint.key().startsWith("POST /api/v1/outreach") || endpoint.key().startsWith("POST /api/v1/households"));
    }

    /** For each write, a request it carries out, prepared anew on each call. */
    private Map<String, Given> givens() {
        // the administration's come last: a rebuild of the read models must not run under the others
        Map<String, Given> givens = new LinkedHashMap<>();
        // cases
        givens.put("POST /api/v1/cases", work(() -> post("/api/v1/cases", Map.of("origin", "APPLICATION", "child", Fixtures.registerChild(http),
                "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z"))));
        onCase(givens, "reports", (path, opened) -> post(path, Map.of("reporterType", "POLICE", "summary", "The police were called.")));
        onCase(givens, "assessments", (path, opened) -> post(path, Map.of("reportId", opened.reportId(),
                "immediateNeedOfProtection", false, "rationale", "The child is safe at home tonight.")));
        givens.put("POST /api/v1/cases/{caseId}/assignments", new Given("karin", "ivo",
                () -> post(openCase().path() + "/assignments", Map.of("assignee", "omar.hassan")).as("karin")));
        givens.put("POST /api/v1/cases/{caseId}/transfers", new Given("karin", "ivo", () -> post(openCase().path() + "/transfers",
                Map.of("toUnit", "central-reception", "reason", "The family moved.")).as("karin")));
        givens.put("POST /api/v1/cases/{caseId}/decisions", new Given("karin", "ivo",
                () -> post(openCase().path() + "/decisions", Map.of("kind", "DO_NOT_OPEN_INVESTIGATION",
                        "legalBasis", "SFS2025:400-20kap2", "rationale", "The report alone does not call for an investigation."))
                        .as("karin")));
        onCase(givens, "child-hearings", (path, opened) -> post(path, Map.of("summary", "Talked with the child at school.")));
        onCase(givens, "child-not-heard-reasons", (path, opened) -> post(path, Map.of("reason", "The child is two years old.")));
        onCase(givens, "visits", (path, opened) -> post(path, Map.of("plannedAt", "2026-03-20T09:00:00Z", "place", "HOME")));
        for (String outcome : List.of("held", "missed")) {
            givens.put("POST /api/v1/cases/{caseId}/visits/{visitId}/" + outcome, work(() -> post(visit() + "/" + outcome, Map.of())));
        }
        givens.put("POST /api/v1/cases/{caseId}/visits/{visitId}/cancellation", work(() -> post(visit() + "/cancellation",
                Map.of("cancelledBy", "FAMILY", "reason", "Illness."))));
        onCase(givens, "contacts", (path, opened) -> post(path, Map.of("channel", "COLLABORATION_MEETING", "initiatedBy", "PARTNER",
                "partner", "POLICE", "summary", "Meeting with the community police officer.")));
        onCase(givens, "notes", (path, opened) -> post(path, Map.of("text", "Met the mother.")));
        givens.put("POST /api/v1/cases/{caseId}/notes/{noteId}/corrections", work(() -> {
            String caseId = openCase().path();
            String note = created(http.as("anna").post(caseId + "/notes", Map.of("text", "Met the mother."))).field("noteId");
            return post(caseId + "/notes/" + note + "/corrections", Map.of("text", "Met the mother and her sister.", "reason", "Incomplete."));
        }));
        onCase(givens, "interventions", (path, opened) -> post(path, Map.of("type", "PARENTING_PROGRAMME")));
        givens.put("POST /api/v1/cases/{caseId}/interventions/{interventionId}/acceptance",
                work(() -> post(intervention(0) + "/acceptance", Map.of())));
        givens.put("POST /api/v1/cases/{caseId}/interventions/{interventionId}/declination",
                work(() -> post(intervention(0) + "/declination", Map.of("reason", "Not now."))));
        givens.put("POST /api/v1/cases/{caseId}/interventions/{interventionId}/start", work(() -> post(intervention(1) + "/start", Map.of())));
        givens.put("POST /api/v1/cases/{caseId}/interventions/{interventionId}/follow-ups",
                work(() -> post(intervention(2) + "/follow-ups", Map.of("summary", "Went with the mother to the tax office."))));
        givens.put("POST /api/v1/cases/{caseId}/interventions/{interventionId}/end",
                work(() -> post(intervention(2) + "/end", Map.of("reason", "Done."))));
        givens.put("POST /api/v1/cases/{caseId}/consents", work(() -> {
            Opened opened = openCase();
            return post(opened.path() + "/consents", consent(opened));
        }));
        givens.put("POST /api/v1/cases/{caseId}/consents/{consentId}/withdrawal", work(() -> {
            Opened opened = openCase();
            String consent = created(http.as("anna").post(opened.path() + "/consents", consent(opened))).field("consentId");
            return post(opened.path() + "/consents/" + consent + "/withdrawal", Map.of());
        }));
        onCase(givens, "disclosures", (path, opened) -> post(path, Map.of("partner", "POLICE", "partnerName", "Polisen Örebro",
                "provision", "SFS2009:400-10kap28", "content", "Information requested under the duty to report.")));
        onCase(givens, "closure", (path, opened) -> post(path, Map.of("reason", "No further action.")));
        // persons
        givens.put("POST /api/v1/persons", work(() -> post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(),
                "name", "Alva Exempel"))));
        // a read posted to keep the identity number out of the URL: refused as the writes are, and it stores nothing either
        givens.put("POST /api/v1/persons/search", new Given("lars", "eva",
                () -> post("/api/v1/persons/search", Map.of("identityNumber", Fixtures.identityNumber())).as("lars")));
        givens.put("POST /api/v1/persons/{personId}/erasure", new Given("lars", "anna",
                () -> post("/api/v1/persons/" + openCase().child() + "/erasure", Map.of("reason", "RETENTION")).as("lars")));
        givens.put("POST /api/v1/persons/{personId}/erasure-approvals", new Given("lars", "anna",
                () -> post("/api/v1/persons/" + openCase().child() + "/erasure-approvals", Map.of()).as("lars")));
        givens.put("POST /api/v1/persons/{personId}/identity-protection", work(() -> post("/api/v1/persons/" + openCase().child()
                + "/identity-protection", Map.of())));
        givens.put("POST /api/v1/persons/{personId}/identity-protection/lifting", new Given("lars", "anna",
                () -> post("/api/v1/persons/" + protectedChild() + "/identity-protection/lifting", Map.of()).as("lars")));
        givens.put("POST /api/v1/persons/{personId}/name-corrections", work(() -> post("/api/v1/persons/" + openCase().child()
                + "/name-corrections", Map.of("name", "Alva Rättad", "reason", "Misspelt at registration."))));
        givens.put("POST /api/v1/persons/{personId}/identity-number-corrections", work(() -> post("/api/v1/persons/" + openCase().child()
                + "/identity-number-corrections", Map.of("identityNumber", Fixtures.identityNumber(), "reason", "Two digits swapped."))));
        // outreach
        givens.put("POST /api/v1/outreach/anonymous-consultations", work(() -> post("/api/v1/outreach/anonymous-consultations",
                Map.of("topic", "PARENTING"))));
        givens.put("POST /api/v1/outreach/information-meetings", work(() -> post("/api/v1/outreach/information-meetings",
                Map.of("audience", "Parents at Vivallaskolan", "participants", 23, "topics", List.of("What social services do")))));
        givens.put("POST /api/v1/outreach/conversations-without-aid", work(() -> post("/api/v1/outreach/conversations-without-aid",
                Map.of("household", UUID.randomUUID().toString()))));
        givens.put("POST /api/v1/outreach/service-support", work(() -> post("/api/v1/outreach/service-support",
                Map.of("household", UUID.randomUUID().toString(), "kind", "HELP_WITH_AUTHORITIES"))));
        // households
        givens.put("POST /api/v1/households/{householdId}/members", work(() -> post("/api/v1/households/" + UUID.randomUUID() + "/members",
                Map.of("person", Fixtures.registerChild(http), "relation", "PARENT"))));
        givens.put("POST /api/v1/households/{householdId}/members/{personId}/relation-changes", work(() -> post(householdMember()
                + "/relation-changes", Map.of("relation", "GUARDIAN"))));
        givens.put("POST /api/v1/households/{householdId}/members/{personId}/departure", work(() -> post(householdMember() + "/departure",
                Map.of())));
        // retention, audit and administration
        givens.put("POST /api/v1/retention/run", new Given("lars", "anna", () -> bodiless("POST", "/api/v1/retention/run").as("lars")));
        givens.put("POST /api/v1/audit/checkpoints", new Given("eva", "anna", () -> bodiless("POST", "/api/v1/audit/checkpoints").as("eva")));
        givens.put("POST /api/v1/audit/cases/{caseId}/exports", new Given("ivo", "anna", () -> post("/api/v1/audit/cases/"
                + openCase().path().substring("/api/v1/cases/".length()) + "/exports", Map.of("recipient", "ivo")).as("ivo")));
        for (String admin : List.of("/api/v1/admin/erasure-completion", "/api/v1/admin/integrity-alarm/acknowledgement",
                "/api/v1/admin/access-index/rebuild")) {
            givens.put("POST " + admin, new Given("eva", "anna", () -> bodiless("POST", admin).as("eva")));
        }
        givens.put("POST /api/v1/admin/projections/rebuild", new Given("eva", "anna", () -> {
            ReadModels.awaitCaughtUp(http, Duration.ofMinutes(2));
            return bodiless("POST", "/api/v1/admin/projections/rebuild?projection=" + CaseViewProjection.PROCESSING_GROUP).as("eva");
        }));
        givens.put("DELETE /api/v1/admin/sign-in-locks/accounts/{username}", new Given("eva", "anna", () -> {
            String name = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
            failSignIn(name, loopbackAddress());
            return bodiless("DELETE", "/api/v1/admin/sign-in-locks/accounts/" + name).as("eva");
        }));
        givens.put("DELETE /api/v1/admin/sign-in-locks/addresses/{address}", new Given("eva", "anna", () -> {
            String address = loopbackAddress();
            failSignIn("nobody-" + UUID.randomUUID().toString().substring(0, 8), address);
            return bodiless("DELETE", "/api/v1/admin/sign-in-locks/addresses/" + address).as("eva");
        }));
        // the staff registry: the administrator keeps it, a case worker may not
        givens.put("POST /api/v1/staff", new Given("eva", "anna", () -> post("/api/v1/staff", staffEntry(freshStaffId())).as("eva")));
        givens.put("POST /api/v1/staff/{staffId}/membership-changes", new Given("eva", "anna", () -> post("/api/v1/staff/"
                + enteredStaff() + "/membership-changes", Map.of("unit", "central-reception", "role", "SOCIAL_SECRETARY", "from", "2026-06-01")).as("eva")));
        givens.put("POST /api/v1/staff/{staffId}/ending", new Given("eva", "anna", () -> post("/api/v1/staff/" + enteredStaff() + "/ending",
                Map.of("lastDay", "2026-11-30")).as("eva")));
        return givens;
    }

    private static String freshStaffId() {
        return "refusal." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> staffEntry(String staffId) {
        return Map.of("staffId", staffId, "name", "Maria Nord", "unit", "vivalla", "role", "SOCIAL_SECRETARY", "activeFrom", "2026-01-01");
    }

    private String enteredStaff() {
        String staffId = freshStaffId();
        created(http.as("eva").post("/api/v1/staff", staffEntry(staffId)));
        return staffId;
    }

    private interface OnCase {
        Attempt attempt(String path, Opened opened);
    }

    private void onCase(Map<String, Given> givens, String collection, OnCase attempt) {
        givens.put("POST /api/v1/cases/{caseId}/" + collection, work(() -> {
            Opened opened = openCase();
            return attempt.attempt(opened.path() + "/" + collection, opened);
        }));
    }

    /** Case work, done by a social secretary; an auditor reads case files and may change none. */
    private static Given work(Supplier<Attempt> attempt) {
        return new Given("anna", "ivo", attempt);
    }

    private static Attempt post(String path, Object body) {
        return Attempt.of("anna", "POST", path, JSON.writeValueAsString(body));
    }

    private static Attempt bodiless(String method, String path) {
        return Attempt.of("anna", method, path, null);
    }

    /** A case opened on a school's report about a child of its own. */
    private record Opened(String path, String child, String reportId) {
    }

    /** A child with a protected identity, with a case of the unit. */
    private String protectedChild() {
        String child = created(http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(),
                "name", "Skyddad Person", "protectedIdentity", true))).field("personId");
        created(Fixtures.openCaseOnSchoolReport(http, child));
        return child;
    }

    private Opened openCase() {
        String child = Fixtures.registerChild(http);
        LedgerHttp.Response opened = created(Fixtures.openCaseOnSchoolReport(http, child));
        return new Opened("/api/v1/cases/" + opened.field("caseId"), child, opened.field("reportId"));
    }

    /** A parent just added to a household of their own: the path of their membership. */
    private String householdMember() {
        String household = "/api/v1/households/" + UUID.randomUUID();
        String parent = Fixtures.registerChild(http);
        created(http.as("anna").post(household + "/members", Map.of("person", parent, "relation", "PARENT")));
        return household + "/members/" + parent;
    }

    private static Map<String, Object> consent(Opened opened) {
        return Map.of("person", opened.child(), "partner", "SCHOOL", "partnerName", "Vivallaskolan",
                "purpose", "Plan support in class.", "validFrom", "2026-01-01");
    }

    private String visit() {
        String caseId = openCase().path();
        return caseId + "/visits/" + created(http.as("anna").post(caseId + "/visits",
                Map.of("plannedAt", "2026-03-20T09:00:00Z", "place", "HOME"))).field("visitId");
    }

    /** An intervention offered, and then accepted (steps 1) and started (steps 2). */
    private String intervention(int steps) {
        String caseId = openCase().path();
        String path = caseId + "/interventions/" + created(http.as("anna").post(caseId + "/interventions",
                Map.of("type", "SERVICE_SUPPORT"))).field("interventionId");
        if (steps >= 1) {
            created(http.as("anna").post(path + "/acceptance", Map.of()));
        }
        if (steps >= 2) {
            created(http.as("anna").post(path + "/start", Map.of()));
        }
        return path;
    }

    private static LedgerHttp.Response created(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }

    /** Another loopback address each time, so the failures a test causes lock no one out. */
    private static String loopbackAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(2, 255);
    }

    private void failSignIn(String name, String address) {
        try {
            String credentials = Base64.getEncoder().encodeToString((name + ":wrong").getBytes(StandardCharsets.UTF_8));
            RawHttp.Answer answer = new RawHttp(port()).from(address).send(new RawHttp.Request("GET", "/api/v1/caseload",
                    List.of(RawHttp.header("Authorization", "Basic " + credentials)), new byte[0], false));
            assertThat(answer.status()).as(answer.text()).isEqualTo(401);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RawHttp.Answer send(Attempt attempt) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (attempt.user() != null) {
            headers.add(RawHttp.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (attempt.user() + ":" + LedgerHttp.PASSWORD).getBytes(StandardCharsets.UTF_8))));
        }
        attempt.headers().forEach((name, value) -> headers.add(RawHttp.header(name, value)));
        return new RawHttp(port()).send(new RawHttp.Request(attempt.method(), attempt.target(), headers, attempt.body(), false));
    }

}
