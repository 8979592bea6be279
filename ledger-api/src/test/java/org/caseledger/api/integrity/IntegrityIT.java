package org.caseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.verify.event.EventHash;
import org.caseledger.verify.primitives.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/**
 * Tampering by someone with full database access, bypassing the append-only triggers, is detected and located;
 * an untouched ledger verifies intact. Each test puts back what it changed.
 */
class IntegrityIT extends IntegrationTest {


    @Autowired
    private CheckpointSealer sealer;

    @Autowired
    private IntegrityAlarm alarm;

    @Autowired
    private EventAuthentication authentication;

    /** Every tamper is put back; the alarm it raised, once looked into, is acknowledged as an operator would. */
    @AfterEach
    void acknowledgeTheAlarm() {
        alarm.acknowledge("the test that tampered");
    }

    @Test
    void anUntouchedCaseAndLedgerVerifyIntactOnceSealed() {
        String caseId = caseWithNotes(3);
        JsonNode unsealed = verifyCase(caseId);
        assertThat(unsealed.path("status").asString()).isEqualTo("UNSEALED");
        assertThat(unsealed.path("unsealedEvents").asLong()).isEqualTo(5);

        sealAll();

        assertThat(verifyCase(caseId).path("status").asString()).isEqualTo("INTACT");
        JsonNode ledger = http.as("ivo").get("/api/v1/audit/verify").json();
        assertThat(ledger.path("status").asString()).as(ledger.toString()).isEqualTo("INTACT");
        assertThat(ledger.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theApplicationsDatabaseRoleCannotChangeOrRemoveLedgerRows() {
        caseWithNotes(1);
        sealAll();
        assertThatThrownBy(() -> jdbc.sql("UPDATE domain_event_entry SET type = 'Forged'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM domain_event_entry").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_checkpoint").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void oneChangedPayloadByteIsFoundAndLocated() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            Map<String, Object> note = tamper.event(3);
            String payload = new String((byte[]) note.get("payload"), StandardCharsets.UTF_8).replaceFirst(Tamper.NOTE_TEXT, "\"text\":\"Note mumber\"");
            tamper.execute("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload.getBytes(StandardCharsets.UTF_8),
                    note.get("global_index"));

            assertBroken(caseId, "PAYLOAD_CHANGED", 3, (Long) note.get("global_index"));
        }
        assertIntactAgain(caseId);
    }

    @Test
    void aChangedActorInTheEnvelopeIsFoundAndLocated() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            Map<String, Object> note = tamper.event(2);
            String payload = new String((byte[]) note.get("payload"), StandardCharsets.UTF_8).replace("\"anna.lind\"", "\"omar.hassan\"");
            tamper.execute("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload.getBytes(StandardCharsets.UTF_8),
                    note.get("global_index"));

            assertBroken(caseId, "ENVELOPE_CHANGED", 2, (Long) note.get("global_index"));
        }
        assertIntactAgain(caseId);
    }

    @Test
    void anEventDeletedFromTheMiddleIsFoundAndLocated() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            tamper.execute("DELETE FROM domain_event_entry WHERE global_index = ?", tamper.event(2).get("global_index"));

            assertBroken(caseId, "EVENT_MISSING", 2, (Long) tamper.event(2).get("global_index"));
            assertThat(verifyCase(caseId).path("problems").findValuesAsString("detail")).contains("event 2 of the stream is missing");
        }
        assertIntactAgain(caseId);
    }

    @Test
    void deletedLastEventsOfACaseAreFoundByTheCheckpoint() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            tamper.execute("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number >= 4", caseId);

            assertBroken(caseId, "EVENT_MISSING", 4, (Long) tamper.event(4).get("global_index"));
        }
        assertIntactAgain(caseId);
    }

    @Test
    void twoSwappedEventsAreFoundAndLocated() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            tamper.execute("UPDATE domain_event_entry SET sequence_number = -1 WHERE aggregate_identifier = ? AND sequence_number = 2", caseId);
            tamper.execute("UPDATE domain_event_entry SET sequence_number = 2 WHERE aggregate_identifier = ? AND sequence_number = 3", caseId);
            tamper.execute("UPDATE domain_event_entry SET sequence_number = 3 WHERE aggregate_identifier = ? AND sequence_number = -1", caseId);

            assertBroken(caseId, "ORDER_CHANGED", null, null);
            assertThat(verifyCase(caseId).path("problems").findValuesAsString("detail"))
                    .contains("the event was appended as sequence number 2 of its stream and is now stored as 3",
                            "the event was appended as sequence number 3 of its stream and is now stored as 2");
        }
        assertIntactAgain(caseId);
    }

    @Test
    void aForgedEventWithACorrectLookingHashInSealedHistoryIsFound() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            tamper.insertEvent(Tamper.forgedAfter(tamper.events().get(tamper.events().size() - 1), 0L));

            assertBroken(caseId, "EVENT_NOT_AUTHENTIC", 6, 0L);
        }
        assertIntactAgain(caseId);
    }

    @Test
    void aForgedEventAppendedAtACasesEndIsFoundByItsAuthenticatorAndNeverSealed() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            long next = tamper.rows("SELECT nextval('domain_event_entry_global_index_seq') AS next").get(0).values().stream()
                    .map(value -> (Long) value).findFirst().orElseThrow();
            tamper.insertEvent(Tamper.forgedAfter(tamper.events().get(tamper.events().size() - 1), next));
            long checkpoints = checkpoints();

            assertBroken(caseId, "EVENT_NOT_AUTHENTIC", 6, next);
            assertThatThrownBy(this::sealAll).isInstanceOf(SealingRefusedException.class);
            assertThat(checkpoints()).as("nothing was signed").isEqualTo(checkpoints);
            assertThat(alarm.current()).hasValueSatisfying(raised -> {
                assertThat(raised.problem().kind()).isEqualTo(BreakKind.EVENT_NOT_AUTHENTIC);
                assertThat(raised.problem().globalIndex()).isEqualTo(next);
                assertThat(raised.problem().aggregateId()).isEqualTo(caseId);
            });
            assertThat(http.anonymous().get("/actuator/health").field("status")).isEqualTo("INTEGRITY_ALARM");
            assertThat(http.as("eva").post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(409);
        }
        alarm.acknowledge("the test that tampered");
        assertIntactAgain(caseId);
        assertThat(http.anonymous().get("/actuator/health").field("status")).isEqualTo("UP");
    }

    @Test
    void aSealedEventRewrittenWithItsEntryAndAnAuthenticatorOfTheRealKeyIsFoundByTheSignedTree() throws Exception {
        // Given a sealed case, and someone who holds the authenticator key (or an event from before authenticators) but
        // cannot get a new checkpoint signed, witnessed and remembered
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            Map<String, Object> last = tamper.event(5);
            long globalIndex = (Long) last.get("global_index");
            byte[] sealedHash = (byte[]) last.get("hash");
            byte[] payload = new String((byte[]) last.get("payload"), StandardCharsets.UTF_8)
                    .replaceFirst(Tamper.NOTE_TEXT, "\"text\":\"Rewritten note\"").getBytes(StandardCharsets.UTF_8);
            byte[] hash = new EventHash(caseId, 5, (String) last.get("event_identifier"), (String) last.get("payload_type"),
                    (String) last.get("payload_revision"), (byte[]) last.get("envelope_digest"), Sha256.of(payload),
                    (byte[]) last.get("previous_hash")).compute();
            try {
                // When the event is rewritten whole, with a valid authenticator, and its checkpoint entry with it
                tamper.execute("UPDATE domain_event_entry SET payload = ?, payload_digest = ?, hash = ?, authenticator = ? WHERE global_index = ?",
                        payload, Sha256.of(payload), hash, authentication.authenticatorOf(hash), globalIndex);
                tamper.execute("UPDATE checkpoint_entry SET hash = ? WHERE global_index = ?", hash, globalIndex);

                // Then the case's verification finds that the entry is no leaf of the tree the checkpoint signed
                assertBroken(caseId, "CHECKPOINT_CHAIN_BROKEN", 5, globalIndex);
                // and the ledger's finds that the entries no longer give the signed root
                JsonNode ledger = http.as("ivo").get("/api/v1/audit/verify").json();
                assertThat(ledger.path("status").asString()).isEqualTo("BROKEN");
                assertThat(ledger.path("problems").findValuesAsString("detail"))
                        .anyMatch(detail -> detail.contains("no longer give its Merkle root"));
            } finally {
                tamper.execute("UPDATE checkpoint_entry SET hash = ? WHERE global_index = ?", sealedHash, globalIndex);
            }
        }
        alarm.acknowledge("the test that tampered");
        assertIntactAgain(caseId);
    }

    @Test
    void aWholeChainRewrittenConsistentlyIsCaughtOnlyByTheCheckpoint() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            byte[] previous = null;
            for (Map<String, Object> row : tamper.events()) {
                long sequence = (Long) row.get("sequence_number");
                if (sequence < 2) {
                    previous = (byte[]) row.get("hash");
                    continue;
                }
                byte[] payload = (byte[]) row.get("payload");
                if (sequence == 2) {
                    payload = new String(payload, StandardCharsets.UTF_8).replaceFirst(Tamper.NOTE_TEXT, "\"text\":\"Rewritten note\"")
                            .getBytes(StandardCharsets.UTF_8);
                }
                byte[] payloadDigest = Sha256.of(payload);
                byte[] hash = new EventHash(caseId, sequence, (String) row.get("event_identifier"), (String) row.get("payload_type"),
                        (String) row.get("payload_revision"), (byte[]) row.get("envelope_digest"), payloadDigest, previous).compute();
                tamper.execute("UPDATE domain_event_entry SET payload = ?, payload_digest = ?, previous_hash = ?, hash = ? WHERE global_index = ?",
                        payload, payloadDigest, previous, hash, row.get("global_index"));
                previous = hash;
            }

            assertBroken(caseId, "EVENT_NOT_AUTHENTIC", 2, (Long) tamper.event(2).get("global_index"));
            assertThat(verifyCase(caseId).path("firstProblem").path("checkpoint").isNull()).isFalse();
        }
        assertIntactAgain(caseId);
    }

    @Test
    void anAlteredCheckpointIsFound() throws Exception {
        String caseId = sealedCase();
        try (Tamper tamper = new Tamper(caseId)) {
            long checkpoint = (Long) tamper.rows("SELECT checkpoint_number FROM checkpoint_entry WHERE aggregate_identifier = ? LIMIT 1", caseId)
                    .get(0).get("checkpoint_number");
            tamper.execute("UPDATE ledger_checkpoint SET sealed_at = '2020-01-01T00:00:00Z' WHERE number = ?", checkpoint);

            JsonNode report = verifyCase(caseId);
            assertThat(report.path("status").asString()).isEqualTo("BROKEN");
            assertThat(report.path("firstProblem").path("kind").asString()).isEqualTo("CHECKPOINT_SIGNATURE_INVALID");
            assertThat(report.path("firstProblem").path("checkpoint").asLong()).isEqualTo(checkpoint);
            assertThat(http.as("ivo").get("/api/v1/audit/verify").json().path("problems").findValuesAsString("kind"))
                    .contains("CHECKPOINT_SIGNATURE_INVALID");
        }
        assertIntactAgain(caseId);
    }

    @Test
    void removingEverythingOneCheckpointSealedIsFound() throws Exception {
        String caseId = sealedCase();
        String later = caseWithNotes(1);
        sealAll();
        try (Tamper tamper = new Tamper(caseId)) {
            long checkpoint = (Long) tamper.rows("SELECT checkpoint_number FROM checkpoint_entry WHERE aggregate_identifier = ? LIMIT 1", caseId)
                    .get(0).get("checkpoint_number");
            List<Map<String, Object>> entries = tamper.rows("SELECT * FROM checkpoint_entry WHERE checkpoint_number = ?", checkpoint);
            List<Map<String, Object>> events = tamper.rows("SELECT * FROM domain_event_entry WHERE global_index IN "
                    + "(SELECT global_index FROM checkpoint_entry WHERE checkpoint_number = ?)", checkpoint);
            try {
                tamper.execute("DELETE FROM domain_event_entry WHERE global_index IN (SELECT global_index FROM checkpoint_entry WHERE checkpoint_number = ?)",
                        checkpoint);
                tamper.execute("DELETE FROM checkpoint_entry WHERE checkpoint_number = ?", checkpoint);

                JsonNode ledger = http.as("ivo").get("/api/v1/audit/verify").json();
                assertThat(ledger.path("status").asString()).as(ledger.toString()).isEqualTo("BROKEN");
                assertThat(ledger.path("firstProblem").path("kind").asString()).isEqualTo("CHECKPOINT_CHAIN_BROKEN");
                assertThat(ledger.path("firstProblem").path("checkpoint").asLong()).isEqualTo(checkpoint);
                assertThat(verifyCase(later).path("status").asString()).as("every case verify sees it").isEqualTo("BROKEN");
            } finally {
                for (Map<String, Object> event : events) {
                    if (!caseId.equals(event.get("aggregate_identifier"))) {
                        tamper.insert("domain_event_entry", event);
                    }
                }
                for (Map<String, Object> entry : entries) {
                    tamper.execute("INSERT INTO checkpoint_entry (global_index, checkpoint_number, leaf_index, aggregate_identifier, "
                            + "sequence_number, hash) VALUES (?, ?, ?, ?, ?, ?)", entry.get("global_index"), entry.get("checkpoint_number"),
                            entry.get("leaf_index"), entry.get("aggregate_identifier"), entry.get("sequence_number"), entry.get("hash"));
                }
            }
        }
        assertIntactAgain(caseId);
    }

    @Test
    void anAppendCommittingLateIsWaitedForAndSealedNeverLeftOutside() throws Exception {
        String caseId = sealedCase();
        try (Tamper template = new Tamper(caseId); java.sql.Connection slow = org.caseledger.api.support.TestDatabase.ownerConnection()) {
            slow.setAutoCommit(false);
            Map<String, Object> forged = Tamper.forgedAfter(template.events().get(template.events().size() - 1), 0L);
            // an append of the ledger's own that commits late, so it carries the authenticator the appender gives it
            forged.put("authenticator", authentication.authenticatorOf((byte[]) forged.get("hash")));
            try (java.sql.Statement lock = slow.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock_shared(hashtextextended('ledger-append', 0))");
            }
            forged.remove("global_index");
            String columns = String.join(", ", forged.keySet());
            String marks = String.join(", ", forged.keySet().stream().map(column -> "?").toList());
            try (java.sql.PreparedStatement insert = slow.prepareStatement("INSERT INTO domain_event_entry (" + columns + ") VALUES (" + marks + ")")) {
                int i = 1;
                for (Object value : forged.values()) {
                    insert.setObject(i++, value);
                }
                insert.executeUpdate();
            }
            caseWithNotes(1);
            java.util.concurrent.CompletableFuture<Void> sealing = java.util.concurrent.CompletableFuture.runAsync(this::sealAll);
            Thread.sleep(1_500);
            assertThat(sealing).as("the sealer waits for the append in flight").isNotDone();
            slow.commit();
            sealing.get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(verifyCase(caseId).path("status").asString()).isEqualTo("INTACT");
            JsonNode ledger = http.as("ivo").get("/api/v1/audit/verify").json();
            assertThat(ledger.path("status").asString()).as(ledger.toString()).isEqualTo("INTACT");
        }
    }

    /** A case of six events (opened on a report, four notes), sealed. */
    private String sealedCase() {
        String caseId = caseWithNotes(4);
        sealAll();
        assertThat(verifyCase(caseId).path("status").asString()).isEqualTo("INTACT");
        return caseId;
    }

    private String caseWithNotes(int notes) {
        String caseId = Fixtures.openCase(http);
        for (int i = 1; i <= notes; i++) {
            LedgerHttp.Response note = http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Note number " + i + "."));
            assertThat(note.status()).isEqualTo(201);
        }
        return caseId;
    }

    private long checkpoints() {
        return jdbc.sql("SELECT count(*) FROM ledger_checkpoint").query(Long.class).single();
    }

    private void sealAll() {
        while (sealer.sealNext().isPresent()) {
            // seal until nothing is pending
        }
    }

    private JsonNode verifyCase(String caseId) {
        LedgerHttp.Response response = http.as("ivo").get("/api/v1/cases/" + caseId + "/verify");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private void assertBroken(String caseId, String kind, Integer sequence, Long globalIndex) {
        JsonNode report = verifyCase(caseId);
        assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("BROKEN");
        JsonNode problem = report.path("firstProblem");
        assertThat(problem.path("kind").asString()).as(report.toString()).isEqualTo(kind);
        assertThat(problem.path("aggregateId").asString()).isEqualTo(caseId);
        if (sequence != null) {
            assertThat(problem.path("sequenceNumber").asInt()).as(report.toString()).isEqualTo(sequence);
        }
        if (globalIndex != null) {
            assertThat(problem.path("globalIndex").asLong()).as(report.toString()).isEqualTo(globalIndex);
        }
        JsonNode ledger = http.as("ivo").get("/api/v1/audit/verify").json();
        assertThat(ledger.path("status").asString()).isEqualTo("BROKEN");
        List<String> kinds = ledger.path("problems").findValuesAsString("kind");
        assertThat(kinds).as(ledger.toString()).isNotEmpty();
    }

    private void assertIntactAgain(String caseId) {
        assertThat(verifyCase(caseId).path("status").asString()).isEqualTo("INTACT");
        JsonNode ledger = http.as("ivo").get("/api/v1/audit/verify").json();
        assertThat(ledger.path("status").asString()).as(ledger.toString()).isIn("INTACT", "UNSEALED");
    }
}
