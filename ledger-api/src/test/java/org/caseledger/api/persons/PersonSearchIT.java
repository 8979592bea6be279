package org.caseledger.api.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;

/** Finding a person by identity number: posted, logged, only for those who may read them, and never after an erasure. */
class PersonSearchIT extends IntegrationTest {

    @Test
    void givenARegisteredChildWhenSearchedByIdentityNumberThenTheUnitAndAuditorsFindThemAnotherUnitDoesNotAndAfterErasureNoOneDoes() {
        String number = Fixtures.identityNumber();
        String child = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", number, "name", "Sökbar Person")).field("personId");
        Fixtures.openCaseOnSchoolReport(http, child);
        assertThat(lookupRowsOf(child)).isEqualTo(1);

        assertThat(search("anna", number)).containsExactly(child);
        assertThat(search("anna", number.replace("-", ""))).as("the number in its other form").containsExactly(child);
        assertThat(search("ivo", number)).containsExactly(child);
        assertThat(search("sara", number)).as("another unit is not told of the child").isEmpty();
        assertThat(http.as("ivo").get("/api/v1/audit/access-log?limit=50").text()).contains("POST /api/v1/persons/search").contains("REFUSED");

        assertThat(http.as("lars").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST")).status()).isEqualTo(200);

        assertThat(search("anna", number)).as("found after the erasure").isEmpty();
        assertThat(lookupRowsOf(child)).isZero();
        assertThat(http.as("anna").post("/api/v1/persons/search", Map.of("identityNumber", "19121212-1213")).status()).isEqualTo(400);
    }

    @Test
    void givenARegisteredChildWhenSearchedByWordsOfTheNameThenFoundInAnyOrderAndCaseButNeverByAPartOfAWordOrByNumberAndNameAtOnce() {
        String surname = "Namnsök" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        String number = Fixtures.identityNumber();
        String child = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", number, "name", "Ebba " + surname)).field("personId");
        Fixtures.openCaseOnSchoolReport(http, child);

        assertThat(searchByName("anna", surname.toLowerCase(java.util.Locale.ROOT) + " EBBA")).containsExactly(child);
        assertThat(searchByName("ivo", surname)).containsExactly(child);
        assertThat(searchByName("sara", surname)).as("another unit is not told of the child").isEmpty();
        assertThat(searchByName("anna", surname.substring(1))).isEmpty();
        assertThat(searchByName("anna", "Ebba Alva " + surname)).as("every word must be in the name").isEmpty();
        assertThat(http.as("anna").post("/api/v1/persons/search", Map.of("identityNumber", number, "name", surname)).status()).isEqualTo(400);
        assertThat(http.as("anna").post("/api/v1/persons/search", Map.of()).status()).isEqualTo(400);
        assertThat(nameRowsOf(child)).isEqualTo(2);
    }

    private long nameRowsOf(String person) {
        return rowsOf("name_lookup", person);
    }

    private long lookupRowsOf(String person) {
        return rowsOf("identity_lookup", person);
    }

    private long rowsOf(String table, String person) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE person_id = ?::uuid").param(person).query(Long.class).single();
    }

    private List<String> searchByName(String user, String name) {
        return found(user, Map.of("name", name));
    }

    private List<String> search(String user, String number) {
        return found(user, Map.of("identityNumber", number));
    }

    private List<String> found(String user, Map<String, String> body) {
        LedgerHttp.Response answer = http.as(user).post("/api/v1/persons/search", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().findValuesAsString("personId");
    }
}
