package org.caseledger.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.Pages;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Case-level access: units, assignment, protected identity, the administrator and the auditor; and the read-access
 * log that records every read of case data and every refusal that touched a case.
 */
class AccessControlIT extends IntegrationTest {

    @Test
    void aCaseWorkerOfAnotherUnitIsRefusedAndTheAttemptIsLoggedWithoutLeakingTheCase() {
        String caseId = Fixtures.openCase(http);

        Response read = http.as("sara").get("/api/v1/cases/" + caseId);
        Response write = http.as("sara").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Not my case."));

        for (Response refused : List.of(read, write)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text()).doesNotContain("Alva").doesNotContain("hungry");
        }
        assertThat(log(caseId)).anySatisfy(entry -> {
            assertThat(entry.path("staffId").asString()).isEqualTo("sara.ek");
            assertThat(entry.path("outcome").asString()).isEqualTo("REFUSED");
            assertThat(entry.path("what").asString()).isEqualTo("GET /api/v1/cases/{caseId}");
        });
        assertThat(log(caseId)).anySatisfy(entry -> assertThat(entry.path("what").asString()).isEqualTo("POST /api/v1/cases/{caseId}/notes"));
    }

    @Test
    void theAdministratorReadsNoCaseContentAndTheAuditorWritesNothing() {
        String caseId = Fixtures.openCase(http);

        assertThat(http.as("eva").get("/api/v1/cases/" + caseId).status()).isEqualTo(403);
        assertThat(http.as("eva").get("/api/v1/cases/" + caseId + "/history").status()).isEqualTo(403);
        assertThat(http.as("eva").get("/api/v1/deadlines").status()).isEqualTo(403);
        assertThat(http.as("ivo").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "An auditor's note.")).status()).isEqualTo(403);
        assertThat(http.as("ivo").get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(log(caseId)).filteredOn(entry -> entry.path("outcome").asString().equals("REFUSED"))
                .extracting(entry -> entry.path("staffId").asString())
                .contains("eva.holm", "ivo.granskare");
    }

    @Test
    void aCaseOfAChildWithProtectedIdentityIsForTheAssignedWorkerTheUnitHeadAndAuditorsOnly() {
        String child = registerChild(true, null);
        String caseId = openCaseFor(child, UUID.randomUUID().toString());
        String path = "/api/v1/cases/" + caseId;
        assertThat(http.as("anna").get(path).status()).as("an unassigned case worker").isEqualTo(403);

        assertThat(http.as("lars").post(path + "/assignments", Map.of("assignee", "anna.lind")).status()).isEqualTo(200);

        assertThat(http.as("anna").get(path).status()).as("the assigned case worker").isEqualTo(200);
        assertThat(http.as("anna").post(path + "/notes", Map.of("text", "Met the family.")).status()).isEqualTo(201);
        assertThat(http.as("omar").get(path).status()).as("another case worker of the unit").isEqualTo(403);
        assertThat(http.as("karin").get(path).status()).as("the group leader").isEqualTo(403);
        assertThat(http.as("lars").get(path).status()).as("the unit head").isEqualTo(200);
        assertThat(http.as("ivo").get(path).status()).as("the auditor").isEqualTo(200);
        assertThat(log(caseId)).filteredOn(entry -> entry.path("outcome").asString().equals("READ"))
                .allSatisfy(entry -> assertThat(entry.path("protectedIdentity").asBoolean()).isTrue());
    }

    @Test
    void aProtectedMemberOfTheHouseholdProtectsTheCaseInListsToo() {
        String household = UUID.randomUUID().toString();
        registerChild(true, household);
        String caseId = openCaseFor(registerChild(false, null), household);

        assertThat(http.as("omar").get("/api/v1/cases/" + caseId).status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Pages.all(http.as("lars"), "/api/v1/deadlines?days=366").findValuesAsString("caseId")).contains(caseId));
        assertThat(Pages.all(http.as("omar"), "/api/v1/deadlines?days=366").findValuesAsString("caseId")).doesNotContain(caseId);
        assertThat(http.as("karin").get("/api/v1/compliance?from=2026-01-01&to=2027-01-01").json().findValuesAsString("caseId"))
                .doesNotContain(caseId);
    }

    @Test
    void everyReadOfCaseDataIsLoggedWithItsStatedPurpose() {
        String caseId = Fixtures.openCase(http);
        String path = "/api/v1/cases/" + caseId;
        String noteId = http.as("anna").post(path + "/notes", Map.of("text", "A note to read.")).field("noteId");
        LedgerHttp reader = http.as("lars").header("X-Purpose", "Review of case " + caseId);

        List<String> reads = List.of(path, path + "?asOf=2030-01-01T00:00:00Z", path + "?asOfEvent=1", path + "/timeline",
                path + "/timeline?asOfEvent=1", path + "/history", path + "/notes/" + noteId, path + "/verify",
                "/api/v1/audit/cases/" + caseId + "/export");
        for (String read : reads) {
            assertThat(reader.get(read).status()).as(read).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Pages.all(reader, "/api/v1/deadlines?days=366").findValuesAsString("caseId")).contains(caseId));
        // every page: only the cases of a page read are logged
        assertThat(Pages.all(reader, "/api/v1/metrics/reports-of-concern/cases?from=2026-01-01&to=2027-01-01")
                .findValuesAsString("caseId")).contains(caseId);
        assertThat(reader.get("/api/v1/compliance?from=2026-01-01&to=2027-01-01").json().findValuesAsString("caseId")).contains(caseId);

        List<JsonNode> logged = log(caseId).stream().filter(entry -> entry.path("staffId").asString().equals("lars.nilsson")).toList();
        assertThat(logged).extracting(entry -> entry.path("what").asString()).contains(
                "GET /api/v1/cases/{caseId}", "GET /api/v1/cases/{caseId}/timeline", "GET /api/v1/cases/{caseId}/history",
                "GET /api/v1/cases/{caseId}/{collection}/{itemId}", "GET /api/v1/cases/{caseId}/verify",
                "GET /api/v1/audit/cases/{caseId}/export", "deadlines", "metric drill-down", "compliance misses");
        assertThat(logged).filteredOn(entry -> entry.path("what").asString().equals("GET /api/v1/cases/{caseId}"))
                .extracting(entry -> entry.path("detail").asString()).contains("asOf=2030-01-01T00:00:00Z", "asOfEvent=1");
        assertThat(logged).allSatisfy(entry -> assertThat(entry.path("purpose").asString()).isEqualTo("Review of case " + caseId));
        assertThat(http.as("ivo").get("/api/v1/audit/access-log?user=lars.nilsson&limit=1000").json().findValuesAsString("caseId"))
                .contains(caseId);
    }

    @Test
    void theAccessLogIsForAuditorsAndItsChainShowsWhereItWasAltered() throws Exception {
        String caseId = Fixtures.openCase(http);
        http.as("anna").get("/api/v1/cases/" + caseId);
        assertThat(http.as("lars").get("/api/v1/audit/access-log?caseId=" + caseId).status()).isEqualTo(403);
        assertThat(http.as("ivo").get("/api/v1/audit/access-log/verify").field("status")).isEqualTo("INTACT");
        long position = log(caseId).get(0).path("position").asLong();

        try (Connection owner = TestDatabase.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only");
            statement.execute("UPDATE access_log SET staff_id = 'someone.else' WHERE position = " + position);
            statement.execute("ALTER TABLE access_log ENABLE TRIGGER access_log_append_only");
        }

        JsonNode verification = http.as("ivo").get("/api/v1/audit/access-log/verify").json();
        assertThat(verification.path("status").asString()).isEqualTo("BROKEN");
        assertThat(verification.path("firstBrokenPosition").asLong()).isEqualTo(position);
        try (Connection owner = TestDatabase.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only");
            statement.execute("UPDATE access_log SET staff_id = 'anna.lind' WHERE position = " + position);
            statement.execute("ALTER TABLE access_log ENABLE TRIGGER access_log_append_only");
        }
        assertThat(http.as("ivo").get("/api/v1/audit/access-log/verify").field("status")).isEqualTo("INTACT");
    }

    @Test
    void theUnusualAccessReportShowsRefusalsProtectedCasesReadsOutsideTheAssignmentAndBursts() {
        String caseId = Fixtures.openCase(http);
        http.as("sara").get("/api/v1/cases/" + caseId);
        http.as("omar").get("/api/v1/cases/" + caseId);
        for (int c = 0; c <= AccessLogQuery.BURST_THRESHOLD; c++) {
            http.as("karin").get("/api/v1/cases/" + Fixtures.openCase(http));
        }

        JsonNode unusual = http.as("ivo").get("/api/v1/audit/access-log/unusual").json();

        assertThat(unusual.path("refused").findValuesAsString("staffId")).contains("sara.ek");
        assertThat(unusual.path("outsideAssignment").findValuesAsString("staffId")).contains("omar.hassan");
        assertThat(unusual.path("bursts").findValuesAsString("staffId")).contains("karin.berg");
    }

    private List<JsonNode> log(String caseId) {
        Response response = http.as("ivo").get("/api/v1/audit/access-log?caseId=" + caseId + "&limit=1000");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> entries = new java.util.ArrayList<>();
        response.json().forEach(entries::add);
        return entries;
    }

    private String registerChild(boolean protectedIdentity, String household) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("identityNumber", Fixtures.identityNumber(), "name", "Kim Skyddad",
                "protectedIdentity", protectedIdentity));
        if (household != null) {
            body.put("household", household);
        }
        Response response = http.as("anna").post("/api/v1/persons", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("personId");
    }

    private String openCaseFor(String child, String household) {
        Response response = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                "household", household, "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "The teacher is worried.")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("caseId");
    }
}
