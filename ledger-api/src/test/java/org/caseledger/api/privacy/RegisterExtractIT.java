package org.caseledger.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The register extract: everything about one person, decrypted, as a file; itself access-logged; erased when they are. */
class RegisterExtractIT extends IntegrationTest {

    @Test
    void theExtractHoldsThePersonsRegistrationTheirCaseFilesAndTheEntriesNamingThemAndIsLogged() {
        Response registered = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Ebba Extrakt"));
        String child = registered.field("personId");
        String parent = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Per Förälder"))
                .field("personId");
        Response opened = Fixtures.openCaseOnSchoolReport(http, child);
        String caseId = opened.field("caseId");
        http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Ebba likes drawing."));
        http.as("anna").post("/api/v1/cases/" + caseId + "/consents", Map.of("person", parent, "partner", "SCHOOL",
                "partnerName", "Vivallaskolan", "purpose", "Plan support in class.", "validFrom", "2026-01-01"));

        Response extract = http.as("lars").header("X-Purpose", "Request from the data subject").get("/api/v1/persons/" + child + "/extract");

        assertThat(extract.status()).as(extract.toString()).isEqualTo(200);
        assertThat(extract.header("Content-Disposition")).isEqualTo("attachment; filename=\"register-extract-" + child + ".json\"");
        JsonNode file = extract.json();
        assertThat(file.path("registration").get(0).path("data").path("name").asString()).isEqualTo("Ebba Extrakt");
        assertThat(file.path("caseFilesAsChild").get(0).path("caseId").asString()).isEqualTo(caseId);
        assertThat(file.path("caseFilesAsChild").get(0).path("entries").findValuesAsString("text")).contains("Ebba likes drawing.");
        JsonNode ofParent = http.as("ivo").get("/api/v1/persons/" + parent + "/extract").json();
        assertThat(ofParent.path("caseFilesAsChild")).isEmpty();
        assertThat(ofParent.path("otherEntriesNamingThePerson").get(0).path("entries").findValuesAsString("type")).containsExactly("ConsentGiven");
        assertThat(http.as("anna").get("/api/v1/persons/" + child + "/extract").status()).isEqualTo(403);

        JsonNode log = http.as("ivo").get("/api/v1/audit/access-log?caseId=" + caseId).json();
        assertThat(log.findValuesAsString("what")).contains("register extract");
        assertThat(http.as("ivo").get("/api/v1/audit/access-log?user=lars.nilsson&limit=1000").json().findValuesAsString("personId"))
                .contains(child);

        http.as("lars").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST", "note", "The data subject asked to be erased."));
        JsonNode afterErasure = http.as("lars").get("/api/v1/persons/" + child + "/extract").json();
        assertThat(afterErasure.path("registration").get(0).path("data").path("name").asString()).isEqualTo("[erased]");
        assertThat(afterErasure.toString()).doesNotContain("Ebba");
    }

    @Test
    void aProtectedPersonsRecordIsForTheUnitHeadAuditorsAndTheAssignedWorker() {
        String child = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", Fixtures.identityNumber(), "name", "Skyddad Person",
                "protectedIdentity", true, "household", UUID.randomUUID().toString())).field("personId");

        assertThat(http.as("omar").get("/api/v1/persons/" + child + "/history").status()).isEqualTo(403);
        assertThat(http.as("lars").get("/api/v1/persons/" + child + "/history").status()).isEqualTo(200);
        assertThat(http.as("ivo").get("/api/v1/audit/access-log?user=omar.hassan&limit=1000").json().findValuesAsString("outcome"))
                .contains("REFUSED");
    }
}
