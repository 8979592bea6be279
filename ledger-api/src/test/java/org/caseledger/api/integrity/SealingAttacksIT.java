package org.caseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.verify.event.EventEnvelope;
import org.caseledger.verify.event.EventHash;
import org.caseledger.verify.primitives.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The attacks of a database superuser who holds no key, against the sealer and the verification: each is found,
 * named by kind and located by case, sequence number and global position, and the sealer signs nothing over it.
 */
class SealingAttacksIT extends IntegrationTest {


    @Autowired
    private CheckpointSealer sealer;

    @Autowired
    private IntegrityAlarm alarm;

    @AfterEach
    void acknowledgeTheAlarm() {
        alarm.acknowledge("the test that tampered");
    }

    @Test
    void removingTheNewestCheckpointsAndRewritingWhatTheySealedIsRefusedNotSealedAgain() throws Exception {
        String caseId = sealedCase();
        Map<String, Object> newest = jdbc.sql("SELECT number FROM ledger_checkpoint ORDER BY number DESC LIMIT 1").query().singleRow();
        long removed = ((Number) newest.get("number")).longValue();
        try (Tamper tamper = new Tamper(caseId)) {
            List<Map<String, Object>> entries = tamper.rows("SELECT * FROM checkpoint_entry WHERE checkpoint_number = ?", removed);
            try {
                tamper.execute("DELETE FROM checkpoint_entry WHERE checkpoint_number = ?", removed);
                tamper.execute("DELETE FROM ledger_checkpoint WHERE number = ?", removed);

                assertThatThrownBy(sealer::sealNext).isInstanceOf(SealingRefusedException.class);

                assertThat(alarm.current()).hasValueSatisfying(raised -> {
                    assertThat(raised.problem().kind()).isEqualTo(BreakKind.CHECKPOINT_ROLLED_BACK);
                    assertThat(raised.problem().checkpoint()).isEqualTo(removed);
                });
                assertThat(count("SELECT count(*) FROM ledger_checkpoint WHERE number >= ?", removed)).as("nothing sealed again").isZero();
                JsonNode ledger = http.as("ivo").get("/api/v1/audit/verify").json();
                assertThat(ledger.path("status").asString()).isEqualTo("BROKEN");
                assertThat(ledger.path("problems").findValuesAsString("kind")).contains("CHECKPOINT_ROLLED_BACK");
            } finally {
                for (Map<String, Object> entry : entries) {
                    tamper.insert("checkpoint_entry", entry);
                }
            }
        }
        alarm.acknowledge("the test that tampered");
        assertThat(sealer.sealNext()).isNotNull();
        assertThat(alarm.current()).isEmpty();
    }

    @Test
    void anEnvelopeChangedWithItsDigestsRecomputedIsNamedAndTheNextGenuineEventIsNotBlamed() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            Map<String, Object> note = tamper.event(2);
            byte[] payload = new String((byte[]) note.get("payload"), StandardCharsets.UTF_8).replace("\"anna.lind\"", "\"omar.hassan\"")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] envelope = StoredEvent.envelopeOf(payload).digest();
            byte[] hash = new EventHash(caseId, 2, (String) note.get("event_identifier"), (String) note.get("payload_type"),
                    (String) note.get("payload_revision"), envelope, Sha256.of(payload), (byte[]) note.get("previous_hash")).compute();
            tamper.execute("UPDATE domain_event_entry SET payload = ?, envelope_digest = ?, payload_digest = ?, hash = ? WHERE global_index = ?",
                    payload, envelope, Sha256.of(payload), hash, note.get("global_index"));

            JsonNode report = verifyCase(caseId);

            assertThat(report.path("firstProblem").path("kind").asString()).as(report.toString()).isEqualTo("EVENT_NOT_AUTHENTIC");
            assertThat(report.path("firstProblem").path("sequenceNumber").asLong()).isEqualTo(2);
            assertThat(report.path("firstProblem").path("globalIndex").asLong()).isEqualTo((Long) note.get("global_index"));
            assertThat(report.path("problems").findValues("sequenceNumber")).as(report.toString())
                    .allSatisfy(sequence -> assertThat(sequence.asLong()).isEqualTo(2));
        }
    }

    @Test
    void aForgedEventInsertedMidCaseIsNamedAndTheEventsItDisplacedAreShownMoved() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            for (long sequence = 5; sequence >= 3; sequence--) {
                tamper.execute("UPDATE domain_event_entry SET sequence_number = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                        sequence + 1, caseId, sequence);
            }
            long next = count("SELECT nextval('domain_event_entry_global_index_seq')");
            Map<String, Object> forged = Tamper.forgedAfter(tamper.event(2), next);
            tamper.insertEvent(forged);

            JsonNode report = verifyCase(caseId);

            assertThat(report.path("status").asString()).isEqualTo("BROKEN");
            assertThat(problems(report)).anySatisfy(problem -> {
                assertThat(problem.path("kind").asString()).isEqualTo("EVENT_NOT_AUTHENTIC");
                assertThat(problem.path("sequenceNumber").asLong()).isEqualTo(3);
                assertThat(problem.path("globalIndex").asLong()).isEqualTo(next);
            });
            assertThat(problems(report)).filteredOn(problem -> problem.path("sequenceNumber").asLong() > 3)
                    .extracting(problem -> problem.path("kind").asString()).contains("ORDER_CHANGED").doesNotContain("EVENT_NOT_AUTHENTIC");
            assertThatThrownBy(sealer::sealNext).as("the sealer refuses the forged row").isInstanceOf(SealingRefusedException.class);
        }
    }

    @Test
    void aSealedEventDeletedWithItsEntryIsFoundAndLocated() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            Object globalIndex = tamper.event(2).get("global_index");
            List<Map<String, Object>> entry = tamper.rows("SELECT * FROM checkpoint_entry WHERE global_index = ?", globalIndex);
            try {
                tamper.execute("DELETE FROM checkpoint_entry WHERE global_index = ?", globalIndex);
                tamper.execute("DELETE FROM domain_event_entry WHERE global_index = ?", globalIndex);

                JsonNode report = verifyCase(caseId);
                assertThat(problems(report)).as(report.toString()).anySatisfy(problem -> {
                    assertThat(problem.path("kind").asString()).isEqualTo("EVENT_MISSING");
                    assertThat(problem.path("sequenceNumber").asLong()).isEqualTo(2);
                }).anySatisfy(problem -> {
                    assertThat(problem.path("kind").asString()).isEqualTo("CHECKPOINT_CHAIN_BROKEN");
                    assertThat(problem.path("checkpoint").asLong()).isEqualTo((Long) entry.get(0).get("checkpoint_number"));
                });
                JsonNode ledger = http.as("ivo").get("/api/v1/audit/verify").json();
                assertThat(ledger.path("problems").findValuesAsString("kind")).contains("EVENT_MISSING", "CHECKPOINT_CHAIN_BROKEN");
            } finally {
                tamper.insert("checkpoint_entry", entry.get(0));
            }
        }
    }

    @Test
    void aChangedCheckpointEntryIsNamedAsSuchAndBlamesNoOtherCase() throws Exception {
        String caseId = sealedCase();
        String other = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            Object globalIndex = tamper.event(3).get("global_index");
            try {
                tamper.execute("UPDATE checkpoint_entry SET aggregate_identifier = ? WHERE global_index = ?", other, globalIndex);

                JsonNode ofCase = verifyCase(caseId);
                JsonNode ofOther = verifyCase(other);
                JsonNode ledger = http.as("ivo").get("/api/v1/audit/verify").json();

                for (JsonNode report : List.of(ofCase, ofOther, ledger)) {
                    assertThat(problems(report)).as(report.toString()).singleElement().satisfies(problem -> {
                        assertThat(problem.path("kind").asString()).isEqualTo("ENTRY_CHANGED");
                        assertThat(problem.path("aggregateId").asString()).isEqualTo(caseId);
                        assertThat(problem.path("sequenceNumber").asLong()).isEqualTo(3);
                        assertThat(problem.path("globalIndex").asLong()).isEqualTo((Long) globalIndex);
                    });
                }
            } finally {
                tamper.execute("UPDATE checkpoint_entry SET aggregate_identifier = ? WHERE global_index = ?", caseId, globalIndex);
            }
        }
    }

    @Test
    void theNewestUnsealedEventDeletedBeforeAnySealIsFoundByTheNodeThatAppendedIt() throws Exception {
        String caseId = sealedCase();
        LedgerHttp.Response note = http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "The newest note."));
        assertThat(note.status()).isEqualTo(201);
        try (Tamper tamper = new Tamper(caseId)) {
            Map<String, Object> newest = tamper.event(6);
            tamper.execute("DELETE FROM domain_event_entry WHERE global_index = ?", newest.get("global_index"));

            sealer.sealWhenDue();

            assertThat(alarm.current()).hasValueSatisfying(raised -> {
                assertThat(raised.problem().kind()).isEqualTo(BreakKind.EVENT_MISSING);
                assertThat(raised.problem().aggregateId()).isEqualTo(caseId);
                assertThat(raised.problem().sequenceNumber()).isEqualTo(6);
            });
        }
    }

    @Test
    void anUntouchedLedgerUnderConcurrentWritesRaisesNoAlarm() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            cases.add(Fixtures.openCase(http));
        }
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writing = new ArrayList<>();
            for (String caseId : cases) {
                writing.add(writers.submit(() -> {
                    for (int n = 0; n < 40; n++) {
                        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Note " + n)).status()).isEqualTo(201);
                    }
                }));
            }
            while (writing.stream().anyMatch(future -> !future.isDone())) {
                sealer.sealWhenDue();
                sealer.sealNext();
            }
            for (Future<?> done : writing) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        sealAll();
        sealer.sealWhenDue();

        assertThat(alarm.current()).isEmpty();
        JsonNode ledger = http.as("ivo").get("/api/v1/audit/verify").json();
        assertThat(ledger.path("status").asString()).as(ledger.toString()).isEqualTo("INTACT");
    }

    /** A case of six events (opened on a report, four notes), sealed. */
    private String sealedCase() {
        String caseId = Fixtures.openCase(http);
        for (int i = 1; i <= 4; i++) {
            assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Note number " + i + ".")).status()).isEqualTo(201);
        }
        sealAll();
        assertThat(verifyCase(caseId).path("status").asString()).isEqualTo("INTACT");
        return caseId;
    }

    private void sealAll() {
        while (sealer.sealNext().isPresent()) {
            // seal until nothing is pending
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private JsonNode verifyCase(String caseId) {
        LedgerHttp.Response response = http.as("ivo").get("/api/v1/cases/" + caseId + "/verify");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> problems(JsonNode report) {
        List<JsonNode> problems = new ArrayList<>();
        report.path("problems").forEach(problems::add);
        return problems;
    }
}
