package org.caseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.LedgerHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input gets a problem+json answer a person can read, with the right status, and leaves the
 * event store exactly as it was.
 */
class BadInputIT extends IntegrationTest {

    private String caseId;
    private String casePath;
    private LedgerHttp anna;

    @BeforeEach
    void aCase() {
        caseId = Fixtures.openCase(http);
        casePath = "/api/v1/cases/" + caseId;
        anna = http.as("anna");
    }

    @Test
    void malformedJsonIsRejectedWith400() {
        assertProblem(() -> anna.postRaw(casePath + "/notes", "{\"text\": \"unterminated"), 400, null);
    }

    @Test
    void anUnknownFieldIsRejectedWith400NamingIt() {
        Response response = assertProblem(() -> anna.post(casePath + "/notes", Map.of("text", "A note.", "mood", "sad")), 400, null);
        assertThat(response.field("detail")).contains("mood");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("mood");
    }

    @Test
    void anUnknownEnumValueIsRejectedWith400NamingTheFieldAndTheValuesItTakes() {
        Response response = assertProblem(() -> anna.post(casePath + "/contacts", Map.of("channel", "CARRIER_PIGEON")), 400, null);
        // The value sent is not repeated (an answer echoes nothing a client made up); the values allowed are.
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("channel");
        assertThat(response.json().path("errors").get(0).path("message").asString()).contains("PHONE", "HOME_VISIT");
    }

    @Test
    void anEnumGivenAsANumberIsRejectedWith400() {
        assertProblem(() -> anna.post(casePath + "/contacts", Map.of("channel", 1)), 400, null);
    }

    @Test
    void anInvalidIdentityNumberIsRejectedWith400() {
        Response response = assertProblem(() -> anna.post("/api/v1/persons",
                Map.of("identityNumber", "20150312-2383", "name", "Alva Exempel")), 400, null);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("identityNumber");
        assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo("har fel kontrollsiffra");
        Response inEnglish = anna.header("Accept-Language", "en").post("/api/v1/persons",
                Map.of("identityNumber", "20150312-2383", "name", "Alva Exempel"));
        assertThat(inEnglish.json().path("errors").get(0).path("message").asString()).isEqualTo("has a wrong check digit");
    }

    @Test
    void anImpossibleDateOfBirthIsRejectedWith400() {
        assertProblem(() -> anna.post("/api/v1/persons", Map.of("identityNumber", "20150230-2380", "name", "Alva Exempel")), 400, null);
    }

    @Test
    void aMissingRequiredFieldIsRejectedWith400NamingIt() {
        Response response = assertProblem(() -> anna.post(casePath + "/visits", Map.of("place", "HOME")), 400, null);
        assertThat(response.field("detail")).contains("plannedAt");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("plannedAt");
    }

    @Test
    void anInvalidInstantIsRejectedWith400() {
        assertProblem(() -> anna.post(casePath + "/visits", Map.of("place", "HOME", "plannedAt", "2026-13-45T25:00:00Z")), 400, null);
    }

    @Test
    void anImpossibleDateInAQueryIsRejectedWith400InEveryLanguage() {
        // Swedish short dates look like ISO dates; read leniently, 29 February 2026 would become the 28th.
        for (String language : new String[] {"sv", "en"}) {
            assertProblem(() -> http.as("lars").header("Cookie", "ledger-language=" + language)
                    .get("/api/v1/compliance?from=2026-02-29&to=2026-03-02"), 400, null);
        }
    }

    @Test
    void aFactDatedInTheFutureIsRejectedWith400() {
        Response response = assertProblem(() -> anna.post(casePath + "/notes", Map.of("text", "A note.", "occurredAt", "2999-01-01T00:00:00Z")),
                400, "OCCURRED_IN_FUTURE");
        assertThat(response.field("detail")).contains("2999-01-01");
    }

    @Test
    void aMalformedIdInThePathIsRejectedWith400() {
        assertProblem(() -> anna.post("/api/v1/cases/not-a-uuid/notes", Map.of("text", "A note.")), 400, null);
    }

    @Test
    void aBrokenRuleIsRejectedWith409AndTheRuleCode() {
        Response response = assertProblem(() -> anna.post(casePath + "/visits/" + UUID.randomUUID() + "/held", Map.of()),
                409, "VISIT_NOT_BOOKED");
        assertThat(response.field("title")).isEqualTo("Inget besök med detta id har bokats i ärendet.");
        assertThat(response.field("type")).isEqualTo("/problems/rules/VISIT_NOT_BOOKED");
    }

    @Test
    void aGrantWithoutInvestigationIsRejectedWith409() {
        assertProblem(() -> http.as("karin").post(casePath + "/decisions", Map.of("kind", "GRANT_INTERVENTION",
                "legalBasis", "SFS2025:400-9kap1", "interventionType", "PLACEMENT", "rationale", "r")),
                409, "INVESTIGATION_REQUIRED_FOR_GRANT");
    }

    @Test
    void aDecisionCitingARepealedBasisIsRejectedWith409() {
        // a case received under the old act, decided on the first day of the new one
        String casePath = "/api/v1/cases/" + Fixtures.openCaseReceivedAt(http, "2025-06-30T08:00:00Z");
        assertProblem(() -> anna.post(casePath + "/decisions", Map.of("kind", "OPEN_INVESTIGATION",
                "legalBasis", "SFS2001:453-11kap1a", "rationale", "r", "occurredAt", "2025-07-01T08:00:00Z")),
                409, "LEGAL_BASIS_NOT_IN_FORCE");
    }

    @Test
    void aDecisionByARoleTheDelegationOrderDoesNotAllowIsRejectedWith409() {
        assertProblem(() -> anna.post(casePath + "/decisions", Map.of("kind", "DO_NOT_OPEN_INVESTIGATION",
                "legalBasis", "SFS2025:400-20kap2", "rationale", "r")), 409, "DECISION_NOT_DELEGATED");
    }

    @Test
    void anUnknownCaseIsAnsweredWith404() {
        assertProblem(() -> anna.post("/api/v1/cases/" + UUID.randomUUID() + "/notes", Map.of("text", "A note.")), 404, null);
        assertProblem(() -> anna.get("/api/v1/cases/" + UUID.randomUUID()), 404, null);
        assertProblem(() -> anna.get("/api/v1/cases/" + UUID.randomUUID() + "/history"), 404, null);
    }

    @Test
    void anIdOfAnotherKindInACaseUrlIsAnsweredWith404() {
        String person = Fixtures.registerChild(http);
        assertProblem(() -> anna.get("/api/v1/cases/" + person), 404, null);
        assertProblem(() -> anna.get("/api/v1/cases/" + person + "/timeline"), 404, null);
        assertProblem(() -> anna.post("/api/v1/cases/" + person + "/notes", Map.of("text", "A note.")), 404, null);
        assertProblem(() -> anna.post("/api/v1/cases/" + person + "/closure", Map.of("reason", "Closing a person?")), 404, null);
    }

    @Test
    void ifMatchAnyVersionIsAcceptedForAnExistingCase() {
        Response response = anna.header("If-Match", "*").post(casePath + "/notes", Map.of("text", "A note."));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void aStaleIfMatchIsRejectedWith412() {
        Response response = assertProblem(() -> anna.header("If-Match", "\"0\"").post(casePath + "/notes", Map.of("text", "A note.")),
                412, null);
        assertThat(response.json().path("currentVersion").asLong()).isEqualTo(1);
    }

    @Test
    void aCurrentIfMatchIsAccepted() {
        Response response = anna.header("If-Match", "\"1\"").post(casePath + "/notes", Map.of("text", "A note."));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void aMalformedIfMatchIsRejectedWith400() {
        assertProblem(() -> anna.header("If-Match", "yesterday").post(casePath + "/notes", Map.of("text", "A note.")), 400, null);
    }

    @Test
    void aRequestWithoutCredentialsIsAnsweredWith401() {
        assertProblem(() -> http.anonymous().post(casePath + "/notes", Map.of("text", "A note.")), 401, null);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401AsNoCredentials() {
        Response none = assertProblem(() -> http.anonymous().post(casePath + "/notes", Map.of("text", "A note.")), 401, null);
        Response wrongPassword = assertProblem(() -> http.anonymous().header("Authorization", basic("anna", "not-the-password"))
                .post(casePath + "/notes", Map.of("text", "A note.")), 401, null);
        Response unknownUser = assertProblem(() -> http.anonymous().header("Authorization", basic("nobody", LedgerHttp.PASSWORD))
                .post(casePath + "/notes", Map.of("text", "A note.")), 401, null);

        assertThat(wrongPassword.text()).isEqualTo(none.text()).isEqualTo(unknownUser.text());
        assertThat(wrongPassword.header("WWW-Authenticate")).isEqualTo("Basic realm=\"case-ledger\"");
        assertThat(unknownUser.header("WWW-Authenticate")).isEqualTo("Basic realm=\"case-ledger\"");
    }

    @Test
    void anAuditorWhoTriesToWriteIsAnsweredWith403() {
        assertProblem(() -> http.as("ivo").post(casePath + "/notes", Map.of("text", "A note.")), 403, null);
    }

    @Test
    void aRequestThatFailsHalfWayLeavesNoTrace() {
        String longSummary = "x".repeat(10_001);
        String child = Fixtures.registerChild(http);
        Response response = assertProblem(() -> anna.post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN",
                "child", child, "household", UUID.randomUUID().toString(),
                "receivedAt", "2026-03-02T08:15:00Z", "report", Map.of("reporterType", "POLICE", "summary", longSummary))), 400, null);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("summary");
        assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo("får vara högst 10000 tecken");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Response assertProblem(java.util.function.Supplier<Response> request, int status, String rule) {
        long before = storedEvents();
        Response response = request.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field("title")).isNotBlank();
        assertThat(response.field("detail")).isNotBlank();
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        if (rule != null) {
            assertThat(response.field("rule")).isEqualTo(rule);
        }
        assertThat(storedEvents()).as("events stored").isEqualTo(before);
        return response;
    }
}
