package org.caseledger.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Access through persons, tried as staff of another unit would: what a person's registration, history and register
 * extract give away, who may erase them or add to their household, and what the access log then shows. The units
 * are vivalla (anna, omar, karin, lars) and central-reception (sara); ivo is the auditor, eva the administrator.
 */
class PersonAccessIT extends IntegrationTest {

    @Test
    void theRegisterExtractHoldsOnlyTheReadersCaseFilesAndNamesTheUnitsHoldingTheRest() {
        String child = register("anna", false, null, "Alva Delad");
        String ours = openCase("anna", child, UUID.randomUUID().toString(), "Vivalla's report: Alva is often tired.");
        String theirs = openCase("sara", child, UUID.randomUUID().toString(), "Central reception's report: sheltered housing.");
        assertThat(http.as("lars").get("/api/v1/cases/" + theirs).status()).isEqualTo(403);

        Response extract = http.as("lars").get("/api/v1/persons/" + child + "/extract");

        assertThat(extract.status()).as(extract.toString()).isEqualTo(200);
        assertThat(caseIdsOf(extract.json().path("caseFilesAsChild"))).containsExactly(ours);
        assertThat(extract.text()).contains("Vivalla's report").doesNotContain("sheltered housing").doesNotContain(theirs);
        assertThat(extract.json().path("withheld").path("caseFiles").asInt()).isEqualTo(1);
        assertThat(extract.json().path("withheld").path("units").toString()).isEqualTo("[\"central-reception\"]");
        assertThat(log(theirs)).filteredOn(entry -> entry.path("staffId").asString().equals("lars.nilsson"))
                .extracting(entry -> entry.path("outcome").asString()).containsOnly("REFUSED");

        JsonNode whole = http.as("ivo").get("/api/v1/persons/" + child + "/extract").json();
        assertThat(caseIdsOf(whole.path("caseFilesAsChild"))).containsExactlyInAnyOrder(ours, theirs);
        assertThat(whole.path("withheld").path("caseFiles").asInt()).isZero();
    }

    @Test
    void aProtectedChildOfAnotherUnitIsNotReadableByAUnitHeadAndTheRefusalIsFlagged() {
        String child = register("sara", true, UUID.randomUUID().toString(), "Kim Skyddad-Annanenhet");
        openCase("sara", child, UUID.randomUUID().toString(), "Child and mother in sheltered housing.");

        for (String path : List.of("/history", "/extract")) {
            Response refused = http.as("lars").get("/api/v1/persons/" + child + path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text()).doesNotContain("Kim").doesNotContain("sheltered");
        }
        assertThat(http.as("ivo").get("/api/v1/persons/" + child + "/history").status()).as("the auditor").isEqualTo(200);

        List<JsonNode> refusals = personLog(child, "lars.nilsson");
        assertThat(refusals).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.path("outcome").asString()).isEqualTo("REFUSED");
            assertThat(entry.path("protectedIdentity").asBoolean()).isTrue();
            assertThat(entry.path("caseUnit").asString()).isEqualTo("central-reception");
            assertThat(entry.path("address").asString()).isNotBlank();
        });
        JsonNode unusual = http.as("ivo").get("/api/v1/audit/access-log/unusual?limit=1000").json();
        assertThat(unusual.path("refused").findValuesAsString("personId")).contains(child);
        assertThat(unusual.path("protectedCases").findValuesAsString("personId")).contains(child);
    }

    @Test
    void aCaseWorkerReadsThePersonsOfTheirOwnUnitOnlyAndReadsElsewhereAreFlagged() {
        String ownChild = register("anna", false, null, "Alva Egen");
        openCase("anna", ownChild, UUID.randomUUID().toString(), "A report.");
        String otherChild = register("sara", false, null, "Bo Annan");
        openCase("sara", otherChild, UUID.randomUUID().toString(), "Another report.");
        String registeredOnly = register("sara", false, null, "Cia Ingetärende");

        assertThat(http.as("anna").get("/api/v1/persons/" + ownChild + "/history").status()).isEqualTo(200);
        assertThat(http.as("anna").get("/api/v1/persons/" + otherChild + "/history").status()).isEqualTo(403);
        assertThat(http.as("anna").get("/api/v1/persons/" + registeredOnly + "/history").status()).isEqualTo(403);
        assertThat(http.as("sara").get("/api/v1/persons/" + registeredOnly + "/history").status()).isEqualTo(200);
        assertThat(http.as("ivo").get("/api/v1/persons/" + otherChild + "/history").status()).isEqualTo(200);

        assertThat(personLog(ownChild, "anna.lind")).singleElement()
                .satisfies(entry -> assertThat(entry.path("caseUnit").asString()).isEqualTo("vivalla"));
        JsonNode unusual = http.as("ivo").get("/api/v1/audit/access-log/unusual?limit=1000").json();
        assertThat(unusual.path("outsideUnit").findValuesAsString("personId")).contains(otherChild).doesNotContain(ownChild);
    }

    @Test
    void aUnitHeadCannotEraseAChildOfAnotherUnitNorOneSharedWithAnotherUnitWithoutItsApproval() {
        String theirs = register("sara", false, null, "Dan Annanenhet");
        String caseId = openCase("sara", theirs, UUID.randomUUID().toString(), "A report.");
        String shared = register("anna", false, null, "Eva Delad");
        openCase("anna", shared, UUID.randomUUID().toString(), "A report.");
        openCase("sara", shared, UUID.randomUUID().toString(), "A report.");
        long keys = dataKeys();

        for (String user : List.of("lars", "eva")) {
            Response refused = http.as(user).post("/api/v1/persons/" + theirs + "/erasure", Map.of("reason", "RETENTION"));
            assertThat(refused.status()).as(user + " erasing another unit's child").isEqualTo(403);
            Response unapproved = http.as(user).post("/api/v1/persons/" + shared + "/erasure", Map.of("reason", "RETENTION"));
            assertThat(unapproved.status()).as(user + " erasing a shared child").isEqualTo(409);
            assertThat(unapproved.field("rule")).isEqualTo("ERASURE_NOT_APPROVED");
        }
        assertThat(http.as("lars").post("/api/v1/persons/" + theirs + "/erasure-approvals", Map.of()).status())
                .as("approving for a unit that holds nothing of the child").isEqualTo(403);

        assertThat(dataKeys()).isEqualTo(keys);
        assertThat(http.as("sara").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Still our case.")).status()).isEqualTo(201);
        assertThat(personLog(theirs, "lars.nilsson")).extracting(entry -> entry.path("outcome").asString()).containsOnly("REFUSED");

        assertThat(http.as("mia").post("/api/v1/persons/" + shared + "/erasure-approvals", Map.of()).status()).isEqualTo(200);
        Response erased = http.as("lars").post("/api/v1/persons/" + shared + "/erasure", Map.of("reason", "RETENTION"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(http.as("ivo").get("/api/v1/persons/" + shared + "/history").json().findValuesAsString("type"))
                .containsExactly("PersonRegistered", "ErasureApproved", "PersonErased");
    }

    @Test
    void anotherUnitCannotLockStaffOutOfACaseByRegisteringAProtectedPersonIntoItsHousehold() {
        String household = UUID.randomUUID().toString();
        String child = register("anna", false, household, "Gus Hushåll");
        String caseId = openCase("anna", child, household, "A report.");

        Response refused = http.as("sara").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Hemlig Förälder",
                "protectedIdentity", true, "household", household));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(http.as("anna").get("/api/v1/cases/" + caseId).status()).as("the case stays readable").isEqualTo(200);
        assertThat(log(caseId)).anySatisfy(entry -> {
            assertThat(entry.path("staffId").asString()).isEqualTo("sara.ek");
            assertThat(entry.path("what").asString()).isEqualTo("POST /api/v1/persons");
            assertThat(entry.path("outcome").asString()).isEqualTo("REFUSED");
        });
        assertThat(register("karin", true, household, "Ida Skyddad")).as("the case's own unit may").isNotBlank();
    }

    @Test
    void openingACaseIsNoWayIntoAnotherUnitsProtectedChildOrHousehold() {
        String household = UUID.randomUUID().toString();
        String protectedChild = register("anna", true, household, "Hemlig Vivalla");
        String caseId = openCase("lars", protectedChild, household, "A report.");
        String unprotected = register("anna", false, null, "Öppen Vivalla");
        openCase("anna", unprotected, UUID.randomUUID().toString(), "A report.");
        String ownChild = register("sara", false, null, "Egen Reception");

        Response intoTheChild = openAs("sara", protectedChild, UUID.randomUUID().toString());
        Response intoTheHousehold = openAs("sara", ownChild, household);

        assertThat(intoTheChild.status()).as(intoTheChild.toString()).isEqualTo(403);
        assertThat(intoTheHousehold.status()).as(intoTheHousehold.toString()).isEqualTo(403);
        assertThat(http.as("mia").get("/api/v1/persons/" + protectedChild + "/history").status()).as("still not theirs").isEqualTo(403);
        assertThat(personLog(protectedChild, "sara.ek")).extracting(entry -> entry.path("outcome").asString()).containsOnly("REFUSED");
        assertThat(log(caseId)).anySatisfy(entry -> assertThat(entry.path("what").asString()).isEqualTo("POST /api/v1/cases"));
        assertThat(openAs("sara", unprotected, UUID.randomUUID().toString()).status())
                .as("a report about a child another unit knows, unprotected, may open a case anywhere").isEqualTo(201);
    }

    @Test
    void anotherUnitsOutreachActivityNamingAHouseholdIsNotReadable() {
        Response recorded = http.as("anna").post("/api/v1/outreach/conversations-without-aid", Map.of("household", UUID.randomUUID().toString()));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String path = recorded.header("Location");

        assertThat(http.as("sara").get(path).status()).isEqualTo(403);
        assertThat(http.as("mia").get(path).status()).isEqualTo(403);
        assertThat(http.as("omar").get(path).status()).isEqualTo(200);
        assertThat(http.as("ivo").get(path).status()).isEqualTo(200);
    }

    @Test
    void idsThatNameNothingRoleRefusalsAndTheAuditorsOwnQueriesAreLogged() {
        String missingCase = UUID.randomUUID().toString();
        String missingPerson = UUID.randomUUID().toString();

        assertThat(http.as("sara").get("/api/v1/cases/" + missingCase).status()).isEqualTo(404);
        assertThat(http.as("sara").get("/api/v1/persons/" + missingPerson + "/history").status()).isEqualTo(404);
        assertThat(http.as("anna").get("/api/v1/audit/access-log?user=anna.lind").status()).isEqualTo(403);
        assertThat(http.as("anna").get("/api/v1/caseload?unit=central-reception").status()).isEqualTo(403);
        http.as("ivo").get("/api/v1/audit/access-log?user=omar.hassan&limit=5");

        List<JsonNode> sara = entries("/api/v1/audit/access-log?user=sara.ek&limit=1000");
        assertThat(sara).anySatisfy(entry -> {
            assertThat(entry.path("caseId").asString()).isEqualTo(missingCase);
            assertThat(entry.path("outcome").asString()).isEqualTo("NOT_FOUND");
        });
        assertThat(sara).anySatisfy(entry -> {
            assertThat(entry.path("personId").asString()).isEqualTo(missingPerson);
            assertThat(entry.path("outcome").asString()).isEqualTo("NOT_FOUND");
        });
        List<JsonNode> anna = entries("/api/v1/audit/access-log?user=anna.lind&limit=1000");
        assertThat(anna).anySatisfy(entry -> {
            assertThat(entry.path("what").asString()).isEqualTo("GET /api/v1/audit/access-log");
            assertThat(entry.path("outcome").asString()).isEqualTo("REFUSED");
        });
        assertThat(anna).anySatisfy(entry -> {
            assertThat(entry.path("what").asString()).isEqualTo("GET /api/v1/caseload");
            assertThat(entry.path("detail").asString()).isEqualTo("unit central-reception");
        });
        assertThat(entries("/api/v1/audit/access-log?user=ivo.granskare&limit=1000")).anySatisfy(entry -> {
            assertThat(entry.path("what").asString()).isEqualTo("GET /api/v1/audit/access-log");
            assertThat(entry.path("detail").asString()).isEqualTo("user=omar.hassan&limit=5");
        });
        assertThat(http.as("ivo").get("/api/v1/audit/access-log/unusual?limit=1000").json().path("notFound").findValuesAsString("caseId"))
                .contains(missingCase);
    }

    @Test
    void aFailedSignInIsLoggedWithTheNameTriedAndTheAddress() {
        String name = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        Response failed = http.anonymous().header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((name + ":wrong").getBytes())).get("/api/v1/caseload");
        assertThat(failed.status()).isEqualTo(401);

        assertThat(entries("/api/v1/audit/access-log?user=" + name)).singleElement().satisfies(entry -> {
            assertThat(entry.path("outcome").asString()).isEqualTo("SIGN_IN_FAILED");
            assertThat(entry.path("address").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(entry.path("role").isMissingNode() || entry.path("role").isNull()).isTrue();
        });
        assertThat(http.as("ivo").get("/api/v1/audit/access-log/verify").field("status")).isEqualTo("INTACT");
    }

    @Test
    void noPathGivesAnotherUnitsStaffTheDataOfItsProtectedChild() {
        String marker = "Zelda Hemlig-" + UUID.randomUUID().toString().substring(0, 8);
        String identityNumber = Fixtures.identityNumber();
        String household = UUID.randomUUID().toString();
        Response registered = http.as("sara").post("/api/v1/persons", Map.of("identityNumber", identityNumber, "name", marker,
                "protectedIdentity", true, "household", household));
        assertThat(registered.status()).isEqualTo(201);
        String child = registered.field("personId");
        String caseId = openCase("sara", child, household, marker + " lives in sheltered housing.");
        String period = "from=2026-01-01&to=2027-01-01";
        List<String> reads = List.of("/api/v1/persons/" + child + "/history", "/api/v1/persons/" + child + "/extract",
                "/api/v1/cases/" + caseId, "/api/v1/cases/" + caseId + "/timeline", "/api/v1/cases/" + caseId + "/history",
                "/api/v1/audit/cases/" + caseId + "/export", "/api/v1/audit/cases/" + caseId + "/export.pdf", "/api/v1/retention/due",
                "/api/v1/metrics/reports-of-concern/cases?" + period, "/api/v1/metrics/reports-of-concern/cases?unit=central-reception&" + period,
                "/api/v1/compliance?" + period, "/api/v1/compliance?unit=central-reception&" + period, "/api/v1/deadlines?days=366",
                "/api/v1/caseload", "/api/v1/caseload?unit=central-reception", "/api/v1/metrics?" + period);

        List<String> leaks = new ArrayList<>();
        for (String user : List.of("anna", "omar", "karin", "lars", "eva")) {
            List<Response> answers = new ArrayList<>();
            // every page of a paged list, so that a leak cannot hide beyond the first
            reads.forEach(path -> {
                for (String page = path; page != null; ) {
                    Response answer = http.as(user).get(page);
                    answers.add(answer);
                    page = answer.status() == 200 ? answer.nextPage() : null;
                }
            });
            answers.add(http.as(user).post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "RETENTION")));
            answers.add(http.as(user).post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Inkräktare",
                    "household", household)));
            for (Response answer : answers) {
                if (answer.status() < 400 && answer.raw().request().method().equals("POST")
                        || answer.text().contains(marker) || answer.text().contains(identityNumber)) {
                    leaks.add(user + " " + answer.raw().request().method() + " " + answer.raw().uri() + " -> " + answer);
                }
            }
        }

        assertThat(leaks).isEmpty();
        assertThat(http.as("ivo").get("/api/v1/persons/" + child + "/extract").text()).contains(marker);
    }

    private String register(String user, boolean protectedIdentity, String household, String name) {
        Map<String, Object> body = new HashMap<>(Map.of("identityNumber", Fixtures.identityNumber(), "name", name,
                "protectedIdentity", protectedIdentity));
        if (household != null) {
            body.put("household", household);
        }
        Response response = http.as(user).post("/api/v1/persons", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("personId");
    }

    private Response openAs(String user, String child, String household) {
        return http.as(user).post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child, "household", household,
                "receivedAt", "2026-03-02T08:15:00Z", "report", Map.of("reporterType", "SCHOOL", "summary", "A report.")));
    }

    private String openCase(String user, String child, String household, String summary) {
        Response response = http.as(user).post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                "household", household, "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", summary)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("caseId");
    }

    private static List<String> caseIdsOf(JsonNode caseFiles) {
        List<String> ids = new ArrayList<>();
        caseFiles.forEach(file -> ids.add(file.path("caseId").asString()));
        return ids;
    }

    private long dataKeys() {
        return jdbc.sql("SELECT count(*) FROM data_key WHERE destroyed_at IS NULL").query(Long.class).single();
    }

    private List<JsonNode> log(String caseId) {
        return entries("/api/v1/audit/access-log?caseId=" + caseId + "&limit=1000");
    }

    private List<JsonNode> personLog(String personId, String staffId) {
        return entries("/api/v1/audit/access-log?user=" + staffId + "&limit=1000").stream()
                .filter(entry -> entry.path("personId").asString().equals(personId)).toList();
    }

    private List<JsonNode> entries(String query) {
        Response response = http.as("ivo").get(query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        response.json().forEach(entries::add);
        return entries;
    }
}
