package org.caseledger.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.Then;
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
        String child = given().aPerson("Alva Delad").registeredBy("anna");
        String ours = given().aCaseFor(child).inHousehold(UUID.randomUUID().toString())
                .onSchoolReport("Vivalla's report: Alva is often tired.").openedBy("anna");
        String theirs = given().aCaseFor(child).inHousehold(UUID.randomUUID().toString())
                .onSchoolReport("Central reception's report: sheltered housing.").openedBy("sara");
        when("lars").gets("/api/v1/cases/" + theirs).isForbidden();

        Response extract = when("lars").gets("/api/v1/persons/" + child + "/extract").hasStatus(200);

        assertThat(caseIdsOf(extract.json().path("caseFilesAsChild"))).containsExactly(ours);
        assertThat(extract.text()).contains("Vivalla's report").doesNotContain("sheltered housing").doesNotContain(theirs);
        assertThat(extract.json().path("withheld").path("caseFiles").asInt()).isEqualTo(1);
        assertThat(extract.json().path("withheld").path("units").toString()).isEqualTo("[\"central-reception\"]");
        assertThat(log(theirs)).filteredOn(entry -> entry.path("staffId").asString().equals("lars.nilsson"))
                .extracting(entry -> entry.path("outcome").asString()).containsOnly("REFUSED");

        JsonNode whole = when("ivo").gets("/api/v1/persons/" + child + "/extract").answer().json();
        assertThat(caseIdsOf(whole.path("caseFilesAsChild"))).containsExactlyInAnyOrder(ours, theirs);
        assertThat(whole.path("withheld").path("caseFiles").asInt()).isZero();
    }

    @Test
    void aProtectedChildOfAnotherUnitIsNotReadableByAUnitHeadAndTheRefusalIsFlagged() {
        String child = given().aPerson("Kim Skyddad-Annanenhet").withProtectedIdentity().inHousehold(UUID.randomUUID().toString())
                .registeredBy("sara");
        given().aCaseFor(child).inHousehold(UUID.randomUUID().toString()).onSchoolReport("Child and mother in sheltered housing.")
                .openedBy("sara");

        for (String path : List.of("/history", "/extract")) {
            Response refused = when("lars").gets("/api/v1/persons/" + child + path).as(path).isForbidden();
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text()).doesNotContain("Kim").doesNotContain("sheltered");
        }
        when("ivo").gets("/api/v1/persons/" + child + "/history").as("the auditor").hasStatus(200);

        List<JsonNode> refusals = personLog(child, "lars.nilsson");
        assertThat(refusals).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.path("outcome").asString()).isEqualTo("REFUSED");
            assertThat(entry.path("protectedIdentity").asBoolean()).isTrue();
            assertThat(entry.path("caseUnit").asString()).isEqualTo("central-reception");
            assertThat(entry.path("address").asString()).isNotBlank();
        });
        JsonNode unusual = when("ivo").gets("/api/v1/audit/access-log/unusual?limit=1000").answer().json();
        assertThat(unusual.path("refused").findValuesAsString("personId")).contains(child);
        assertThat(unusual.path("protectedCases").findValuesAsString("personId")).contains(child);
    }

    @Test
    void aCaseWorkerReadsThePersonsOfTheirOwnUnitOnlyAndReadsElsewhereAreFlagged() {
        String ownChild = given().aPerson("Alva Egen").registeredBy("anna");
        given().aCaseFor(ownChild).inHousehold(UUID.randomUUID().toString()).onSchoolReport("A report.").openedBy("anna");
        String otherChild = given().aPerson("Bo Annan").registeredBy("sara");
        given().aCaseFor(otherChild).inHousehold(UUID.randomUUID().toString()).onSchoolReport("Another report.").openedBy("sara");
        String registeredOnly = given().aPerson("Cia Ingetärende").registeredBy("sara");

        when("anna").gets("/api/v1/persons/" + ownChild + "/history").hasStatus(200);
        when("anna").gets("/api/v1/persons/" + otherChild + "/history").isForbidden();
        when("anna").gets("/api/v1/persons/" + registeredOnly + "/history").isForbidden();
        when("sara").gets("/api/v1/persons/" + registeredOnly + "/history").hasStatus(200);
        when("ivo").gets("/api/v1/persons/" + otherChild + "/history").hasStatus(200);

        assertThat(personLog(ownChild, "anna.lind")).singleElement()
                .satisfies(entry -> assertThat(entry.path("caseUnit").asString()).isEqualTo("vivalla"));
        JsonNode unusual = when("ivo").gets("/api/v1/audit/access-log/unusual?limit=1000").answer().json();
        assertThat(unusual.path("outsideUnit").findValuesAsString("personId")).contains(otherChild).doesNotContain(ownChild);
    }

    @Test
    void aUnitHeadCannotEraseAChildOfAnotherUnitNorOneSharedWithAnotherUnitWithoutItsApproval() {
        String theirs = given().aPerson("Dan Annanenhet").registeredBy("sara");
        String caseId = given().aCaseFor(theirs).inHousehold(UUID.randomUUID().toString()).onSchoolReport("A report.").openedBy("sara");
        String shared = given().aPerson("Eva Delad").registeredBy("anna");
        given().aCaseFor(shared).inHousehold(UUID.randomUUID().toString()).onSchoolReport("A report.").openedBy("anna");
        given().aCaseFor(shared).inHousehold(UUID.randomUUID().toString()).onSchoolReport("A report.").openedBy("sara");
        long keys = dataKeys();

        for (String user : List.of("lars", "eva")) {
            when(user).posts("/api/v1/persons/" + theirs + "/erasure", Map.of("reason", "RETENTION")).as(user + " erasing another unit's child")
                    .isForbidden();
            Response unapproved = when(user).posts("/api/v1/persons/" + shared + "/erasure", Map.of("reason", "RETENTION"))
                    .as(user + " erasing a shared child").hasStatus(409);
            assertThat(unapproved.field("rule")).isEqualTo("ERASURE_NOT_APPROVED");
        }
        when("lars").posts("/api/v1/persons/" + theirs + "/erasure-approvals", Map.of())
                .as("approving for a unit that holds nothing of the child").isForbidden();

        assertThat(dataKeys()).isEqualTo(keys);
        when("sara").posts("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Still our case.")).isCreated();
        assertThat(personLog(theirs, "lars.nilsson")).extracting(entry -> entry.path("outcome").asString()).containsOnly("REFUSED");

        when("mia").posts("/api/v1/persons/" + shared + "/erasure-approvals", Map.of()).hasStatus(200);
        when("lars").posts("/api/v1/persons/" + shared + "/erasure", Map.of("reason", "RETENTION")).hasStatus(200);
        assertThat(when("ivo").gets("/api/v1/persons/" + shared + "/history").answer().json().findValuesAsString("type"))
                .containsExactly("PersonRegistered", "ErasureApproved", "PersonErased");
    }

    @Test
    void anotherUnitCannotLockStaffOutOfACaseByRegisteringAProtectedPersonIntoItsHousehold() {
        String household = UUID.randomUUID().toString();
        String child = given().aPerson("Gus Hushåll").inHousehold(household).registeredBy("anna");
        String caseId = given().aCaseFor(child).inHousehold(household).onSchoolReport("A report.").openedBy("anna");

        Then refused = when("sara").posts("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Hemlig Förälder",
                "protectedIdentity", true, "household", household));

        refused.isForbidden();
        when("anna").gets("/api/v1/cases/" + caseId).as("the case stays readable").hasStatus(200);
        assertThat(log(caseId)).anySatisfy(entry -> {
            assertThat(entry.path("staffId").asString()).isEqualTo("sara.ek");
            assertThat(entry.path("what").asString()).isEqualTo("POST /api/v1/persons");
            assertThat(entry.path("outcome").asString()).isEqualTo("REFUSED");
        });
        assertThat(given().aPerson("Ida Skyddad").withProtectedIdentity().inHousehold(household).registeredBy("karin"))
                .as("the case's own unit may").isNotBlank();
    }

    @Test
    void openingACaseIsNoWayIntoAnotherUnitsProtectedChildOrHousehold() {
        String household = UUID.randomUUID().toString();
        String protectedChild = given().aPerson("Hemlig Vivalla").withProtectedIdentity().inHousehold(household).registeredBy("anna");
        String caseId = given().aCaseFor(protectedChild).inHousehold(household).onSchoolReport("A report.").openedBy("lars");
        String unprotected = given().aPerson("Öppen Vivalla").registeredBy("anna");
        given().aCaseFor(unprotected).inHousehold(UUID.randomUUID().toString()).onSchoolReport("A report.").openedBy("anna");
        String ownChild = given().aPerson("Egen Reception").registeredBy("sara");

        Then intoTheChild = openAs("sara", protectedChild, UUID.randomUUID().toString());
        Then intoTheHousehold = openAs("sara", ownChild, household);

        intoTheChild.isForbidden();
        intoTheHousehold.isForbidden();
        when("mia").gets("/api/v1/persons/" + protectedChild + "/history").as("still not theirs").isForbidden();
        assertThat(personLog(protectedChild, "sara.ek")).extracting(entry -> entry.path("outcome").asString()).containsOnly("REFUSED");
        assertThat(log(caseId)).anySatisfy(entry -> assertThat(entry.path("what").asString()).isEqualTo("POST /api/v1/cases"));
        openAs("sara", unprotected, UUID.randomUUID().toString())
                .as("a report about a child another unit knows, unprotected, may open a case anywhere").isCreated();
    }

    @Test
    void anotherUnitsOutreachActivityNamingAHouseholdIsNotReadable() {
        String path = when("anna").posts("/api/v1/outreach/conversations-without-aid", Map.of("household", UUID.randomUUID().toString()))
                .isCreated().header("Location");

        when("sara").gets(path).isForbidden();
        when("mia").gets(path).isForbidden();
        when("omar").gets(path).hasStatus(200);
        when("ivo").gets(path).hasStatus(200);
    }

    @Test
    void idsThatNameNothingRoleRefusalsAndTheAuditorsOwnQueriesAreLogged() {
        String missingCase = UUID.randomUUID().toString();
        String missingPerson = UUID.randomUUID().toString();

        when("sara").gets("/api/v1/cases/" + missingCase).isNotFound();
        when("sara").gets("/api/v1/persons/" + missingPerson + "/history").isNotFound();
        when("anna").gets("/api/v1/audit/access-log?user=anna.lind").isForbidden();
        when("anna").gets("/api/v1/caseload?unit=central-reception").isForbidden();
        when("ivo").gets("/api/v1/audit/access-log?user=omar.hassan&limit=5");

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
        assertThat(when("ivo").gets("/api/v1/audit/access-log/unusual?limit=1000").answer().json().path("notFound").findValuesAsString("caseId"))
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
        String caseId = given().aCaseFor(child).inHousehold(household).onSchoolReport(marker + " lives in sheltered housing.").openedBy("sara");
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

    private Then openAs(String user, String child, String household) {
        return when(user).posts("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child, "household", household,
                "receivedAt", "2026-03-02T08:15:00Z", "report", Map.of("reporterType", "SCHOOL", "summary", "A report.")));
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
        Response response = when("ivo").gets(query).hasStatus(200);
        List<JsonNode> entries = new ArrayList<>();
        response.json().forEach(entries::add);
        return entries;
    }
}
