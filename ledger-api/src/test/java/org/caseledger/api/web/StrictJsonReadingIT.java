package org.caseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;

/** A body is read as the document types it: no coercion into another type, no member named twice. */
class StrictJsonReadingIT extends IntegrationTest {

    @Test
    void givenANumberWhereTheDocumentSaysText_whenPosted_thenItIsRefusedAndNothingIsStored() {
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http);
        long before = storedEvents();

        Response note = http.as("anna").postRaw(casePath + "/notes", "{\"text\": 42}");

        assertThat(note.status()).as(note.toString()).isEqualTo(400);
        assertThat(note.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenAMemberNamedTwice_whenPosted_thenItIsRefusedRatherThanDecidedByTheLastOne() {
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http);
        long before = storedEvents();

        Response note = http.as("anna").postRaw(casePath + "/notes", "{\"text\": \"Ringde skolan.\", \"text\": \"Något annat.\"}");

        assertThat(note.status()).as(note.toString()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenAFractionWhereTheDocumentSaysInteger_whenRead_thenItIsRefused() {
        Response page = http.as("anna").get("/api/v1/cases?limit=2.5");

        assertThat(page.status()).as(page.toString()).isEqualTo(400);
    }
}
