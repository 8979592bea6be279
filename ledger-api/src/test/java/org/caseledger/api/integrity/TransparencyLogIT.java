package org.caseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.verify.note.Ed25519NoteVerifier;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.NoteVerifiers;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.tlog.Checkpoint;
import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.tlog.Merkle;
import org.caseledger.verify.tlog.ProofVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The ledger as a transparency log, checked as an outside implementation would from the documents alone: the
 * checkpoints are C2SP signed notes under the key the ledger publishes, any later checkpoint is proved an extension
 * of any earlier one, every sealed event is proved included, and a note changed in the database is found.
 */
class TransparencyLogIT extends IntegrationTest {

    @Autowired
    private CheckpointSealer sealer;

    @Autowired
    private IntegrityAlarm alarm;

    @AfterEach
    void acknowledgeTheAlarm() {
        alarm.acknowledge("the test that tampered");
    }

    @Test
    void everyCheckpointIsASignedNoteProvedConsistentWithEveryEarlierOneAndIncludingEveryEvent() throws Exception {
        String caseId = Fixtures.openCase(http);
        sealAll();
        Checkpoint first = open(http.as("ivo").get("/api/v1/audit/checkpoints/latest").text());
        for (int i = 0; i < 5; i++) {
            http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Note " + i + "."));
            assertThat(http.as("lars").get("/api/v1/cases/" + caseId).status()).as("a read, for the access log").isEqualTo(200);
            sealAll();
        }
        Checkpoint second = open(http.as("ivo").get("/api/v1/audit/checkpoints/latest").text());
        assertThat(second.size()).isGreaterThan(first.size());
        assertThat(open(http.as("ivo").get("/api/v1/audit/checkpoints/" + first.size()).text())).isEqualTo(first);

        JsonNode consistency = http.as("ivo").get("/api/v1/audit/proofs/consistency?first=" + first.size() + "&second=" + second.size()).json();
        assertThat(ProofVerifier.verifyConsistency(first.size(), second.size(), first.rootHash(), second.rootHash(), hashes(consistency)))
                .isTrue();
        assertThat(ProofVerifier.verifyConsistency(first.size(), second.size(), first.rootHash(), Merkle.EMPTY_ROOT, hashes(consistency)))
                .as("a wrong root fails").isFalse();

        List<Map<String, Object>> events = jdbc.sql("SELECT global_index, hash FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number").param(caseId).query().listOfRows();
        for (Map<String, Object> event : events) {
            JsonNode inclusion = http.as("ivo").get("/api/v1/audit/proofs/inclusion?globalIndex=" + event.get("global_index") + "&treeSize="
                    + second.size()).json();
            Hash leaf = Merkle.leafHash((byte[]) event.get("hash"));
            assertThat(inclusion.path("leafHash").asString()).isEqualTo(leaf.base64());
            assertThat(ProofVerifier.verifyInclusion(leaf, inclusion.path("leafIndex").asLong(), second.size(), hashes(inclusion),
                    second.rootHash())).as("event at " + event.get("global_index")).isTrue();
        }
        assertThat(second.extensionLines()).as("the read-access log's head, cosigned with the tree").singleElement().satisfies(line -> {
            String[] fields = line.split(" ");
            assertThat(fields[0]).isEqualTo("access-log");
            byte[] stored = jdbc.sql("SELECT hash FROM access_log WHERE position = ?").param(Long.parseLong(fields[1]))
                    .query(byte[].class).single();
            assertThat(java.util.Base64.getEncoder().encodeToString(stored)).isEqualTo(fields[2]);
        });
        JsonNode listed = http.as("ivo").get("/api/v1/audit/checkpoints?fromSize=" + first.size()).json();
        assertThat(listed.get(0).path("treeSize").asLong()).isEqualTo(first.size());
        assertThat(http.as("ivo").get("/api/v1/audit/verify").field("status")).isEqualTo("INTACT");
    }

    @Test
    void aNoteChangedInTheDatabaseIsFound() throws Exception {
        Fixtures.openCase(http);
        sealAll();
        long number = jdbc.sql("SELECT max(number) FROM ledger_checkpoint").query(Long.class).single();
        String note = jdbc.sql("SELECT note FROM ledger_checkpoint WHERE number = ?").param(number).query(String.class).single();
        String[] lines = note.split("\n", 3);
        String forged = lines[0] + "\n" + (Long.parseLong(lines[1]) + 1) + "\n" + lines[2];
        try (Tamper tamper = new Tamper(java.util.UUID.randomUUID().toString())) {
            tamper.execute("UPDATE ledger_checkpoint SET note = ? WHERE number = ?", forged, number);
            try {
                JsonNode ledger = http.as("ivo").get("/api/v1/audit/verify").json();
                assertThat(ledger.path("status").asString()).isEqualTo("BROKEN");
                assertThat(ledger.path("problems").findValuesAsString("detail"))
                        .contains("the signed note of checkpoint " + number + " is not this ledger's note of its tree");
            } finally {
                tamper.execute("UPDATE ledger_checkpoint SET note = ? WHERE number = ?", note, number);
            }
        }
    }

    /** Opens a checkpoint note with the ledger's published verifier key, as a witness or an auditor does. */
    private Checkpoint open(String note) throws Exception {
        VerifierKey key = VerifierKey.parse(http.anonymous().get("/api/v1/audit/log-key").text().strip()).orElseThrow();
        Note verified = new NoteVerifiers(List.of(new Ed25519NoteVerifier(key))).open(note.getBytes(StandardCharsets.UTF_8)).note();
        return Checkpoint.parse(verified.text());
    }

    private static List<Hash> hashes(JsonNode proof) {
        List<Hash> hashes = new ArrayList<>();
        proof.path("proof").forEach(hash -> hashes.add(Hash.fromBase64(hash.asString()).orElseThrow()));
        return hashes;
    }

    private void sealAll() {
        while (sealer.sealNext().isPresent()) {
            // seal until nothing is pending
        }
    }
}
