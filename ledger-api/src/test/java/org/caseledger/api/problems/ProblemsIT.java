package org.caseledger.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.ProblemChecks;
import org.caseledger.core.shared.LedgerRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an integrator finds in an error answer, whichever part of the ledger refused the request (a controller, a rule,
 * Spring MVC, the security filters, the servlet container): a problem whose {@code type} is a page the ledger serves,
 * with a title and a detail in Swedish unless English is asked for, and no names from the code behind it.
 */
class ProblemsIT extends IntegrationTest {

    private String casePath;
    private LedgerHttp anna;

    @BeforeEach
    void aCase() {
        casePath = "/api/v1/cases/" + Fixtures.openCase(http);
        anna = http.as("anna");
    }

    @Test
    void everyKindOfBadRequestIsAProblemWhoseTypeIsAPageAndWhoseWordsNameNoCode() {
        Map<String, Bad> requests = badRequests();
        List<String> faults = new ArrayList<>();
        Set<String> types = new TreeSet<>();

        requests.forEach((what, bad) -> {
            Response response = bad.request().get();
            if (response.status() != bad.status()) {
                faults.add(what + ": answered " + response.status() + ", expected " + bad.status() + ": " + response.text());
                return;
            }
            ProblemChecks.faults(response.status(), response.contentType(), response.text())
                    .forEach(fault -> faults.add(what + ": the answer " + fault + ": " + response.text()));
            if (response.contentType() != null && response.contentType().startsWith("application/problem+json")) {
                types.add(response.field("type"));
            }
        });

        assertThat(faults).isEmpty();
        assertThat(types).as("problem types answered").containsExactlyInAnyOrder("/problems/authentication-required",
                "/problems/forbidden", "/problems/invalid-value", "/problems/json-required", "/problems/malformed-request",
                "/problems/method-not-allowed", "/problems/not-acceptable", "/problems/not-found", "/problems/rules/OCCURRED_IN_FUTURE",
                "/problems/rules/VISIT_NOT_BOOKED", "/problems/stale-version", "/problems/unsupported-media-type");
        assertThat(types).allSatisfy(type -> {
            Response page = http.anonymous().get(type);
            assertThat(page.status()).as("GET " + type).isEqualTo(200);
            assertThat(page.contentType()).as("GET " + type).startsWith("text/html");
            assertThat(page.text()).as("GET " + type).contains("lang=\"sv\"").doesNotContain("problem.");
        });
    }

    @Test
    void aValidationFailureNamesTheFieldInErrors() {
        Response response = anna.post(casePath + "/visits", Map.of("place", "HOME"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field("type")).isEqualTo("/problems/invalid-value");
        assertThat(response.json().path("errors")).hasSize(1);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("plannedAt");
        assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo("uppgiften saknas");
    }

    @Test
    void aBrokenRuleKeepsItsCodeForProgramsAndExplainsItInWords() {
        Response response = anna.post(casePath + "/visits/" + UUID.randomUUID() + "/held", Map.of());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.field("rule")).isEqualTo("VISIT_NOT_BOOKED");
        assertThat(response.field("type")).isEqualTo("/problems/rules/VISIT_NOT_BOOKED");
        assertThat(response.field("title")).isEqualTo("Inget besök med detta id har bokats i ärendet.");
        assertThat(response.field("detail")).doesNotContain("VISIT_NOT_BOOKED");
    }

    @Test
    void aRefusalSaysWhyInWordsAndNotInTheCodesWords() {
        Response swedish = http.as("sara").get(casePath);
        Response english = http.as("sara").header("Accept-Language", "en").get(casePath);

        assertThat(swedish.status()).isEqualTo(403);
        assertThat(swedish.field("type")).isEqualTo("/problems/forbidden");
        assertThat(swedish.field("detail")).isEqualTo("Ärendet tillhör en annan enhet. Inget registrerades.");
        assertThat(english.field("detail")).isEqualTo("The case belongs to another unit. Nothing was recorded.");
    }

    @Test
    void problemsAreSwedishByDefaultAndEnglishOnRequest() {
        Map<String, Object> withoutPlannedAt = Map.of("place", "HOME");

        assertThat(anna.post(casePath + "/visits", withoutPlannedAt).field("title")).isEqualTo("Felaktig uppgift");
        assertThat(anna.header("Accept-Language", "de-DE, fr;q=0.8").post(casePath + "/visits", withoutPlannedAt).field("title"))
                .as("a language the ledger does not speak").isEqualTo("Felaktig uppgift");
        assertThat(anna.header("Accept-Language", "sv-SE, en;q=0.5").post(casePath + "/visits", withoutPlannedAt).field("title"))
                .isEqualTo("Felaktig uppgift");

        Response english = anna.header("Accept-Language", "en-GB, sv;q=0.5").post(casePath + "/visits", withoutPlannedAt);
        assertThat(english.field("title")).isEqualTo("Invalid input");
        assertThat(english.field("detail")).isEqualTo("An input of the request is not valid: plannedAt: is required. Nothing was recorded.");
        assertThat(english.json().path("errors").get(0).path("message").asString()).isEqualTo("is required");
        assertThat(anna.post(casePath + "/visits?lang=en", withoutPlannedAt).field("title")).isEqualTo("Invalid input");

        assertThat(http.anonymous().get(casePath).field("title")).as("from the security filters").isEqualTo("Inloggning krävs");
        assertThat(http.anonymous().header("Accept-Language", "en").get(casePath).field("title")).isEqualTo("Authentication required");
        assertThat(anna.header("Accept-Language", "en").post(casePath + "/visits/" + UUID.randomUUID() + "/held", Map.of())
                .field("title")).isEqualTo("No visit with this id was booked in this case.");
    }

    @Test
    void aProblemPageIsSwedishByDefaultAndEnglishOnRequest() {
        Response swedish = http.anonymous().get("/problems/invalid-value");
        Response english = http.anonymous().header("Accept-Language", "en").get("/problems/invalid-value");
        Response asked = http.anonymous().get("/problems/invalid-value?lang=en");

        assertThat(swedish.status()).isEqualTo(200);
        assertThat(swedish.text()).contains("lang=\"sv\"", "Felaktig uppgift", "Vad klienten ska göra", "errors");
        assertThat(english.text()).contains("lang=\"en\"", "Invalid input", "What the client should do");
        assertThat(asked.text()).contains("lang=\"en\"", "Invalid input");
        assertThat(http.anonymous().get("/problems/rules/VISIT_NOT_BOOKED").text())
                .contains("Inget besök med detta id har bokats i ärendet.", "VISIT_NOT_BOOKED", "409");
    }

    @Test
    void everyProblemTypeAndEveryRuleHasAPageInBothLanguages() {
        List<String> pages = new ArrayList<>();
        for (ProblemType type : ProblemType.values()) {
            pages.add(type.uri().toString());
        }
        for (LedgerRule rule : LedgerRule.values()) {
            pages.add(ProblemType.RULES + rule.name());
        }
        assertThat(pages).allSatisfy(page -> {
            for (String language : List.of("sv", "en")) {
                Response answer = http.anonymous().header("Accept-Language", language).get(page);
                assertThat(answer.status()).as(page + " in " + language).isEqualTo(200);
                assertThat(answer.text()).as(page + " in " + language).contains("lang=\"" + language + "\"")
                        .doesNotContain("problem.", "value.", "field.");
            }
        });
    }

    @Test
    void theIndexOfProblemTypesLinksEveryTypeAndRule() {
        Response index = http.anonymous().get("/problems");

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.text()).contains("lang=\"sv\"", "Problemtyper");
        for (ProblemType type : ProblemType.values()) {
            assertThat(index.text()).contains("href=\"" + type.uri() + "\"");
        }
        for (LedgerRule rule : LedgerRule.values()) {
            assertThat(index.text()).contains("href=\"" + ProblemType.RULES + rule.name() + "\"");
        }
        assertThat(http.anonymous().header("Accept-Language", "en").get("/problems").text()).contains("lang=\"en\"", "Problem types");
    }

    @Test
    void anUnknownProblemTypeIsAProblemItself() {
        Response response = http.anonymous().get("/problems/no-such-problem");

        assertThat(response.status()).isEqualTo(404);
        assertThat(ProblemChecks.faults(404, response.contentType(), response.text())).isEmpty();
        assertThat(http.anonymous().get("/problems/rules/NO_SUCH_RULE").status()).isEqualTo(404);
    }

    private record Bad(int status, Supplier<Response> request) {
    }

    /** One of each way a request can be refused, and by each part of the ledger that refuses. */
    private Map<String, Bad> badRequests() {
        LedgerHttp lars = http.as("lars");
        String notes = casePath + "/notes";
        String json = "application/json";
        Map<String, Bad> bad = new LinkedHashMap<>();
        bad.put("malformed JSON", new Bad(400, () -> anna.postRaw(notes, "{\"text\": \"unterminated")));
        bad.put("an empty body", new Bad(400, () -> anna.postRaw(notes, "")));
        bad.put("a list for an object", new Bad(400, () -> anna.postRaw(notes, "[1, 2]")));
        bad.put("an object for a text", new Bad(400, () -> anna.post(notes, Map.of("text", Map.of("a", 1)))));
        bad.put("a text for a flag", new Bad(400, () -> anna.post(casePath + "/interventions",
                Map.of("type", "SERVICE_SUPPORT", "voluntary", "perhaps"))));
        bad.put("an unknown member", new Bad(400, () -> anna.post(notes, Map.of("text", "A note.", "mood", "sad"))));
        bad.put("a missing required member", new Bad(400, () -> anna.post(casePath + "/visits", Map.of("place", "HOME"))));
        bad.put("an unknown enum value", new Bad(400, () -> anna.post(casePath + "/contacts", Map.of("channel", "CARRIER_PIGEON"))));
        bad.put("an enum as a number", new Bad(400, () -> anna.post(casePath + "/contacts", Map.of("channel", 1))));
        bad.put("an impossible time", new Bad(400, () -> anna.post(casePath + "/visits",
                Map.of("place", "HOME", "plannedAt", "2026-13-45T25:00:00Z"))));
        bad.put("a time without a zone", new Bad(400, () -> anna.post(casePath + "/visits",
                Map.of("place", "HOME", "plannedAt", "2026-03-02T08:15:00"))));
        bad.put("an impossible date in a query", new Bad(400, () -> lars.get("/api/v1/compliance?from=2026-02-29&to=2026-03-02")));
        bad.put("a missing query parameter", new Bad(400, () -> lars.get("/api/v1/compliance?from=2026-02-01")));
        bad.put("a malformed UUID in a path", new Bad(400, () -> anna.post("/api/v1/cases/not-a-uuid/notes", Map.of("text", "A note."))));
        bad.put("a malformed UUID in a read", new Bad(400, () -> anna.get("/api/v1/cases/not-a-uuid")));
        bad.put("a malformed UUID in a body", new Bad(400, () -> anna.post("/api/v1/cases", Map.of("origin", "APPLICATION",
                "child", "not-a-uuid", "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z"))));
        bad.put("a wrong check digit", new Bad(400, () -> anna.post("/api/v1/persons",
                Map.of("identityNumber", "20150312-2383", "name", "Alva Exempel"))));
        bad.put("a text too long", new Bad(400, () -> anna.post(notes, Map.of("text", "x".repeat(20_001)))));
        bad.put("a fact in the future", new Bad(400, () -> anna.post(notes, Map.of("text", "A note.", "occurredAt", "2999-01-01T00:00:00Z"))));
        bad.put("a malformed If-Match", new Bad(400, () -> anna.header("If-Match", "yesterday").post(notes, Map.of("text", "A note."))));
        bad.put("a stale If-Match", new Bad(412, () -> anna.header("If-Match", "\"0\"").post(notes, Map.of("text", "A note."))));
        bad.put("a broken rule", new Bad(409, () -> anna.post(casePath + "/visits/" + UUID.randomUUID() + "/held", Map.of())));
        bad.put("an unknown case", new Bad(404, () -> anna.get("/api/v1/cases/" + UUID.randomUUID())));
        bad.put("an address with nothing at it", new Bad(404, () -> anna.get("/api/v1/nothing-is-here")));
        bad.put("the error page asked for directly", new Bad(404, () -> anna.get("/error")));
        bad.put("a method the address does not take", new Bad(405, () -> anna.send("PUT", notes, json, "{\"text\":\"A note.\"}")));
        bad.put("a read that accepts no JSON", new Bad(406, () -> anna.header("Accept", "text/csv").post(notes, Map.of("text", "A note."))));
        bad.put("a body that is no JSON", new Bad(415, () -> anna.header("X-Requested-By", "tests").send("POST", notes, "text/plain", "A note.")));
        bad.put("a body of a range of types", new Bad(415, () -> anna.send("POST", notes, "*/*", "{\"text\":\"A note.\"}")));
        bad.put("a write without JSON or X-Requested-By", new Bad(415, () -> anna.send("POST", notes, "application/x-www-form-urlencoded",
                "text=A+note.")));
        bad.put("no credentials", new Bad(401, () -> http.anonymous().get(casePath)));
        bad.put("a wrong password", new Bad(401, () -> http.anonymous().header("Authorization", "Basic YW5uYTp3cm9uZw==").get(casePath)));
        bad.put("a role that may not write", new Bad(403, () -> http.as("ivo").post(notes, Map.of("text", "A note."))));
        bad.put("a case of another unit", new Bad(403, () -> http.as("sara").get(casePath)));
        bad.put("a role that may not administer", new Bad(403, () -> anna.get("/api/v1/admin/projections")));
        bad.put("a limit out of range", new Bad(400, () -> http.as("ivo").get("/api/v1/audit/access-log?limit=0")));
        return bad;
    }
}
