package org.caseledger.api.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.Pages;
import org.caseledger.api.support.ReadModels;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Facts about a person recorded after their registration: a protection of their identity granted and lifted, with
 * access following at once in both directions, and corrections of name and number, the original kept readable.
 */
class PersonFactsIT extends IntegrationTest {

    @Test
    void givenACaseOfTheUnitWhenTheChildsIdentityIsProtectedThenOnlyTheAssigneeTheUnitHeadAndAuditorsReachItAndWhenLiftedTheUnitAgain() {
        String child = Fixtures.registerChild(http);
        Response opened = Fixtures.openCaseOnSchoolReport(http, child);
        String caseId = opened.field("caseId");
        String number = opened.field("caseNumber");
        assertThat(http.as("lars").post("/api/v1/cases/" + caseId + "/assignments", Map.of("assignee", "omar.hassan")).status()).isEqualTo(200);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        assertThat(reachedBy("karin", caseId, number)).as("before the protection").containsExactly("case", "list", "deadlines");

        Response protectedNow = http.as("anna").post("/api/v1/persons/" + child + "/identity-protection",
                Map.of("occurredAt", "2026-11-30T10:00:00Z"));

        assertThat(protectedNow.status()).as(protectedNow.toString()).isEqualTo(200);
        assertThat(reachedBy("karin", caseId, number)).as("a group leader, not assigned").isEmpty();
        assertThat(reachedBy("anna", caseId, number)).as("who protected it, not assigned").isEmpty();
        assertThat(reachedBy("omar", caseId, number)).as("the assignee").containsExactly("case", "list", "deadlines");
        assertThat(reachedBy("lars", caseId, number)).as("the unit head").containsExactly("case", "list", "deadlines");
        assertThat(http.as("ivo").get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(numbers(http.as("lars").get("/api/v1/cases?protectedIdentity=true&caseNumber=" + number).json())).containsExactly(number);
        Response again = http.as("lars").post("/api/v1/persons/" + child + "/identity-protection", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("rule").asString()).isEqualTo("IDENTITY_PROTECTION_UNCHANGED");

        assertThat(http.as("omar").post("/api/v1/persons/" + child + "/identity-protection/lifting", Map.of()).status())
                .as("a case worker may not widen who reads the child").isEqualTo(403);
        assertThat(http.as("lars").post("/api/v1/persons/" + child + "/identity-protection/lifting", Map.of()).status()).isEqualTo(200);

        assertThat(reachedBy("karin", caseId, number)).as("after the lifting").containsExactly("case", "list", "deadlines");
        assertThat(http.as("sara").post("/api/v1/persons/" + child + "/identity-protection", Map.of()).status())
                .as("another unit").isEqualTo(403);
        assertThat(history(child)).extracting(entry -> entry.path("type").asString())
                .containsExactly("PersonRegistered", "IdentityProtected", "IdentityProtectionLifted");
    }

    @Test
    void givenAMisspeltNameAndAWrongNumberWhenCorrectedThenSearchesFindTheCorrectedOnesAndTheHistoryKeepsTheOriginals() {
        String surname = "Felstavad" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "z");
        String wrongNumber = Fixtures.identityNumber();
        String rightNumber = Fixtures.identityNumber();
        String child = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", wrongNumber, "name", "Alva " + surname))
                .field("personId");
        Fixtures.openCaseOnSchoolReport(http, child);

        Response named = http.as("anna").post("/api/v1/persons/" + child + "/name-corrections",
                Map.of("name", "Alva Rätt" + surname, "reason", "Misspelt at registration."));
        Response numbered = http.as("anna").post("/api/v1/persons/" + child + "/identity-number-corrections",
                Map.of("identityNumber", rightNumber, "reason", "Two digits swapped."));

        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        assertThat(numbered.status()).as(numbered.toString()).isEqualTo(200);
        assertThat(search(Map.of("name", "Rätt" + surname))).containsExactly(child);
        assertThat(search(Map.of("name", surname))).as("the name as registered").isEmpty();
        assertThat(search(Map.of("identityNumber", rightNumber))).containsExactly(child);
        assertThat(search(Map.of("identityNumber", wrongNumber))).isEmpty();
        List<JsonNode> history = history(child);
        assertThat(history).extracting(entry -> entry.path("type").asString())
                .containsExactly("PersonRegistered", "NameCorrected", "IdentityNumberCorrected");
        assertThat(history.get(0).path("data").path("name").asString()).isEqualTo("Alva " + surname);
        assertThat(history.get(0).path("data").path("identityNumber").asString()).isEqualTo(wrongNumber);
        assertThat(history.get(1).path("data").path("reason").asString()).isEqualTo("Misspelt at registration.");
        assertThat(http.as("anna").post("/api/v1/persons", Map.of("identityNumber", wrongNumber, "name", "Annan Person")).status())
                .as("the wrong number is no longer the child's").isEqualTo(201);
    }

    @Test
    void givenANumberRegisteredToAnotherPersonWhenAChildIsCorrectedToItThenRefusedNamingThatPersonAndNothingIsWritten() {
        String other = Fixtures.registerChild(http);
        String othersNumber = history(other).get(0).path("data").path("identityNumber").asString();
        String child = Fixtures.registerChild(http);
        long before = storedEvents();

        Response refused = http.as("anna").post("/api/v1/persons/" + child + "/identity-number-corrections",
                Map.of("identityNumber", othersNumber, "reason", "A mistake."));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("rule").asString()).isEqualTo("PERSON_ALREADY_REGISTERED");
        assertThat(refused.json().path("registeredPerson").asString()).isEqualTo(other);
        assertThat(storedEvents()).isEqualTo(before);
    }

    /** Which of the case, its place in the case list and its open deadline the member of staff reaches. */
    private List<String> reachedBy(String user, String caseId, String number) {
        List<String> reached = new ArrayList<>();
        if (http.as(user).get("/api/v1/cases/" + caseId).status() == 200) {
            reached.add("case");
        }
        if (numbers(http.as(user).get("/api/v1/cases?caseNumber=" + number).json()).contains(number)) {
            reached.add("list");
        }
        if (Pages.all(http.as(user), "/api/v1/deadlines").findValuesAsString("caseId").contains(caseId)) {
            reached.add("deadlines");
        }
        return reached;
    }

    private static List<String> numbers(JsonNode list) {
        return list.path("cases").findValuesAsString("caseNumber");
    }

    private List<String> search(Map<String, String> body) {
        return http.as("anna").post("/api/v1/persons/search", body).json().findValuesAsString("personId");
    }

    private List<JsonNode> history(String person) {
        List<JsonNode> entries = new ArrayList<>();
        http.as("anna").get("/api/v1/persons/" + person + "/history").json().forEach(entries::add);
        return entries;
    }
}
