package org.caseledger.api.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;

/**
 * One person, one record, and no fact about someone who does not exist: an identity number registers one person, every
 * person a command names is registered and not erased, and a fact happened in a time that can be.
 */
class PersonReferencesIT extends IntegrationTest {

    @Test
    void givenARegisteredNumberWhenRegisteredAgainInEitherFormThenRefusedWithTheRuleAndThePersonAndNothingIsWritten() {
        String number = Fixtures.identityNumber();
        String first = register(number).field("personId");
        long before = storedEvents();

        for (String again : List.of(number, number.replace("-", ""))) {
            Response refused = register(again);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().path("rule").asString()).isEqualTo("PERSON_ALREADY_REGISTERED");
            assertThat(refused.json().path("registeredPerson").asString()).isEqualTo(first);
            assertThat(refused.json().path("detail").asString()).contains(first);
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenOneNumberRegisteredByEightClientsAtOnceThenExactlyOneIsRegisteredAndTheOthersAreToldWhom() throws Exception {
        String number = Fixtures.identityNumber();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit((Callable<Response>) () -> register(number)));
        }
        List<Response> done = new ArrayList<>();
        for (Future<Response> answer : answers) {
            done.add(answer.get());
        }
        clients.shutdown();

        List<Response> created = done.stream().filter(answer -> answer.status() == 201).toList();
        assertThat(created).hasSize(1);
        assertThat(done).filteredOn(answer -> answer.status() == 409).hasSize(7)
                .allSatisfy(answer -> assertThat(answer.json().path("registeredPerson").asString()).isEqualTo(created.get(0).field("personId")));
    }

    @Test
    void givenAnErasedPersonWhenTheirNumberIsRegisteredAgainThenItIsANewPerson() {
        String number = Fixtures.identityNumber();
        String erased = register(number).field("personId");
        assertThat(http.as("lars").post("/api/v1/persons/" + erased + "/erasure", Map.of("reason", "REGISTERED_IN_ERROR")).status())
                .isEqualTo(200);

        Response again = register(number);

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.field("personId")).isNotEqualTo(erased);
    }

    @Test
    void givenAChildNobodyRegisteredOrOneErasedWhenACaseIsOpenedForThemThenRefusedWithTheRuleAndNothingIsWritten() {
        String erased = Fixtures.registerChild(http);
        assertThat(http.as("lars").post("/api/v1/persons/" + erased + "/erasure", Map.of("reason", "REGISTERED_IN_ERROR")).status())
                .isEqualTo(200);
        String nobody = UUID.randomUUID().toString();
        long before = storedEvents();

        Response forNobody = Fixtures.openCaseOnSchoolReport(http, nobody);
        Response forErased = Fixtures.openCaseOnSchoolReport(http, erased);

        assertThat(forNobody.status()).as(forNobody.toString()).isEqualTo(409);
        assertThat(forNobody.json().path("rule").asString()).isEqualTo("PERSON_NOT_REGISTERED");
        assertThat(forNobody.json().path("detail").asString()).contains(nobody);
        assertThat(forErased.status()).as(forErased.toString()).isEqualTo(409);
        assertThat(forErased.json().path("rule").asString()).isEqualTo("PERSON_ERASED");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenAConsentFromAPersonNobodyRegisteredWhenRecordedThenRefusedAndFromARegisteredOneAccepted() {
        String caseId = Fixtures.openCase(http);
        long before = storedEvents();

        Response fromNobody = consent(caseId, UUID.randomUUID().toString());

        assertThat(fromNobody.status()).as(fromNobody.toString()).isEqualTo(409);
        assertThat(fromNobody.json().path("rule").asString()).isEqualTo("PERSON_NOT_REGISTERED");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(consent(caseId, Fixtures.registerChild(http)).status()).isEqualTo(201);
    }

    @Test
    void givenAFactDatedBefore1900WhenRecordedThenRefusedAsOutOfRangeAndOneOnTheFirstDayOf1900Accepted() {
        String caseId = Fixtures.openCase(http);
        long before = storedEvents();

        for (String impossible : List.of("0000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "1899-12-31T22:59:59Z")) {
            Response refused = http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "A note.", "occurredAt", impossible));

            assertThat(refused.status()).as(impossible + ": " + refused).isEqualTo(400);
            assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("occurredAt");
        }
        assertThat(storedEvents()).isEqualTo(before);
        // a fact in a child's case cannot be older than the child; a person born that day is registered that day
        Response registered = http.as("anna").post("/api/v1/persons", Map.of("identityNumber",
                Fixtures.identityNumber(java.time.LocalDate.of(1900, 1, 1)), "name", "Elsa Exempel", "occurredAt", "1899-12-31T23:00:00Z"));
        assertThat(registered.status()).as("midnight 1 January 1900 in Sweden: " + registered).isEqualTo(201);
    }

    private Response register(String number) {
        return http.as("anna").post("/api/v1/persons", Map.of("identityNumber", number, "name", "Alva Exempel"));
    }

    private Response consent(String caseId, String person) {
        return http.as("anna").post("/api/v1/cases/" + caseId + "/consents", Map.of("person", person, "partner", "SCHOOL",
                "partnerName", "Vivallaskolan", "purpose", "Follow up school attendance.", "validFrom", "2026-03-02"));
    }
}
