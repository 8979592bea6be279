package org.caseledger.api.web;

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
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;

/** A command retried with the same Idempotency-Key writes once and answers the same every time. */
class IdempotencyIT extends IntegrationTest {

    @Test
    void aRetriedCommandWritesNothingNewAndReturnsTheFirstAnswer() {
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http);
        LedgerHttp anna = http.as("anna").header("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> note = Map.of("text", "Phoned the school nurse.", "occurredAt", "2026-03-03T10:00:00Z");

        Response first = anna.post(casePath + "/notes", note);
        long afterFirst = storedEvents();
        Response retry = anna.post(casePath + "/notes", note);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedEvents()).isEqualTo(afterFirst);
        assertThat(http.as("anna").get(casePath + "/history").json()).hasSize(3);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http);
        LedgerHttp anna = http.as("anna").header("Idempotency-Key", UUID.randomUUID().toString());
        anna.post(casePath + "/notes", Map.of("text", "First note."));
        long before = storedEvents();

        Response reuse = anna.post(casePath + "/notes", Map.of("text", "A different note."));

        assertThat(reuse.status()).isEqualTo(422);
        assertThat(reuse.contentType()).startsWith("application/problem+json");
        assertThat(reuse.field("type")).isEqualTo("/problems/idempotency-key-reused");
        assertThat(reuse.field("detail")).contains("en annan begäran");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void concurrentDuplicatesHaveExactlyOneEffect() throws Exception {
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http);
        LedgerHttp anna = http.as("anna").header("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> visit = Map.of("plannedAt", "2026-04-01T09:00:00Z", "place", "HOME");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(() -> anna.post(casePath + "/visits", visit));
            }
            List<String> answers = new ArrayList<>();
            for (Future<Response> answer : clients.invokeAll(sends)) {
                assertThat(answer.get().status()).isEqualTo(201);
                answers.add(answer.get().field("visitId"));
            }
            assertThat(answers).hasSize(8).containsOnly(answers.get(0));
        } finally {
            clients.shutdownNow();
        }
        assertThat(http.as("anna").get(casePath).json().path("visits")).hasSize(1);
    }

    @Test
    void theSameKeyFromAnotherMemberOfStaffIsTheirOwn() {
        String casePath = "/api/v1/cases/" + Fixtures.openCase(http);
        String key = UUID.randomUUID().toString();
        Response anna = http.as("anna").header("Idempotency-Key", key).post(casePath + "/notes", Map.of("text", "Anna's note."));
        Response omar = http.as("omar").header("Idempotency-Key", key).post(casePath + "/notes", Map.of("text", "Omar's note."));

        assertThat(anna.status()).isEqualTo(201);
        assertThat(omar.status()).isEqualTo(201);
        assertThat(omar.field("noteId")).isNotEqualTo(anna.field("noteId"));
    }
}
