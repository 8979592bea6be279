package org.caseledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.junit.jupiter.api.Test;

/** Many clients write to one case at the same moment: nothing is lost, nothing doubled, and the case's rules hold. */
class SameCaseConcurrencyIT extends IntegrationTest {

    private static final int CLIENTS = 16;

    @Test
    void concurrentNotesToOneCaseAreAllKeptOnceInAnUnbrokenSequence() throws Exception {
        String caseId = Fixtures.openCase(http);
        long before = eventsOf(caseId);

        List<Response> answers = race(CLIENTS * 4, client -> () ->
                http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Concurrent note " + client + ".")));

        List<Response> accepted = answers.stream().filter(answer -> answer.status() == 201).toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(201, 409));
        assertThat(accepted).hasSizeGreaterThan(CLIENTS);
        assertThat(eventsOf(caseId)).isEqualTo(before + accepted.size());
        assertThat(jdbc.sql("SELECT count(DISTINCT sequence_number) = count(*) AND max(sequence_number) = count(*) - 1 "
                + "FROM domain_event_entry WHERE aggregate_identifier = ?").param(caseId).query(Boolean.class).single())
                .as("sequence numbers 0..n-1, none twice").isTrue();
        for (Response answer : accepted) {
            String noteId = answer.field("noteId");
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND convert_from(payload, 'UTF8')::jsonb ->> 'noteId' = ?").params(caseId, noteId).query(Integer.class).single())
                    .as("note " + noteId).isEqualTo(1);
        }
    }

    @Test
    void clientsWritingOnTheSameVersionGetOneWinnerAndTheOthers412() throws Exception {
        String caseId = Fixtures.openCase(http);
        for (int round = 0; round < 5; round++) {
            String etag = http.as("anna").get("/api/v1/cases/" + caseId).header("ETag");
            List<Response> answers = race(8, client -> () -> http.as("anna").header("If-Match", etag)
                    .post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "On version " + etag + " by client " + client + ".")));
            assertThat(answers).filteredOn(answer -> answer.status() == 201).as("winners of round " + round).hasSize(1);
            assertThat(answers).filteredOn(answer -> answer.status() != 201)
                    .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(412));
        }
    }

    @Test
    void racingGrantsAndAcceptancesOfOneInterventionTakeEffectOnce() throws Exception {
        String caseId = Fixtures.openCase(http);
        String path = "/api/v1/cases/" + caseId;
        assertThat(http.as("anna").post(path + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2025:400-20kap2",
                "rationale", "The report describes repeated signs of neglect.")).status()).isEqualTo(201);
        String interventionId = UUID.randomUUID().toString();

        List<Response> grants = race(CLIENTS, client -> () -> http.as("karin").post(path + "/decisions", Map.of(
                "kind", "GRANT_INTERVENTION", "legalBasis", "SFS2025:400-9kap1", "interventionId", interventionId,
                "interventionType", "FAMILY_TREATMENT", "appealInformationGiven", true, "rationale", "Grant by client " + client + ".")));
        assertOneWinnerAndTheRestRefusedByARule(grants);

        assertThat(http.as("anna").post(path + "/interventions", Map.of("interventionId", interventionId, "type", "FAMILY_TREATMENT",
                "voluntary", true)).status()).isEqualTo(201);
        List<Response> acceptances = race(CLIENTS, client -> () ->
                http.as("anna").post(path + "/interventions/" + interventionId + "/acceptance", Map.of()));
        assertOneWinnerAndTheRestRefusedByARule(acceptances);

        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%.DecisionMade' "
                + "AND convert_from(payload, 'UTF8')::jsonb ->> 'kind' = 'GRANT_INTERVENTION'").param(caseId).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%.InterventionAccepted'")
                .param(caseId).query(Integer.class).single()).isEqualTo(1);
    }

    private static void assertOneWinnerAndTheRestRefusedByARule(List<Response> answers) {
        assertThat(answers).filteredOn(SameCaseConcurrencyIT::succeeded).as(answers.toString()).hasSize(1);
        assertThat(answers).filteredOn(answer -> !succeeded(answer)).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
            assertThat(answer.field("rule")).as(answer.toString()).isNotBlank();
        });
    }

    private static boolean succeeded(Response answer) {
        return answer.status() >= 200 && answer.status() < 300;
    }

    /** Sends the requests from as many threads, released together, and answers what each got back. */
    private static List<Response> race(int requests, IntFunction<Callable<Response>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(requests, CLIENTS));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int client = 0; client < requests; client++) {
                Callable<Response> send = request.apply(client);
                answers.add(pool.submit(() -> {
                    start.await();
                    return send.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long eventsOf(String caseId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(caseId).query(Long.class).single();
    }
}
