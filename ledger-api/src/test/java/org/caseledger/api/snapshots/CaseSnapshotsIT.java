package org.caseledger.api.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedObject;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.core.cases.Case;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.RecordJournalNote;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Snapshots of cases on real PostgreSQL: written once a case passes the threshold, sealed to the chain, used when the
 * case is loaded, skipped when they are of another shape, and free of personal text. The tests run with a low threshold (see the
 * test configuration), so that every integration test also works on snapshotted cases.
 */
class CaseSnapshotsIT extends IntegrationTest {

    private static final String CASE_TYPE = "org.caseledger.core.cases.Case";
    private static final String REVISION = Case.class.getAnnotation(Revision.class).value();

    @Autowired
    private SnapshotProperties snapshots;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private SnapshotSealer sealer;

    @Autowired
    private EventSchema eventSchema;

    @Test
    void aCasePastTheThresholdIsSnapshottedWithoutAnyOfItsPersonalText() {
        String mark = "QZXS" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = Fixtures.openCase(http);

        for (int note = 0; note < snapshots.eventsBetweenSnapshots() + 2; note++) {
            assertThat(note(caseId, "Home visit " + note + ": " + mark + " talked about school.").status()).isEqualTo(201);
        }

        long snapshotAt = awaitSnapshotAtLeast(caseId, snapshots.eventsBetweenSnapshots());
        Map<String, Object> row = jdbc.sql("SELECT payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload "
                + "FROM snapshot_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")
                .params(caseId, snapshotAt).query().singleRow();
        assertThat(row.get("payload_type")).isEqualTo(CASE_TYPE);
        assertThat(row.get("payload_revision")).isEqualTo(REVISION);
        assertThat((String) row.get("payload"))
                .contains(caseId)
                .doesNotContain(mark)
                .doesNotContain("Alva")
                .doesNotContain("hungry");
    }

    /**
     * The test seals a snapshot that says the case is closed with the application's own key, as only the application
     * could: the command is then decided on it, which shows the case is loaded from its snapshot. Unsealed, the same
     * snapshot is ignored (EditedSnapshotIT says more).
     */
    @Test
    void aCaseIsLoadedFromItsLatestSealedSnapshotAndFromItsEventsWhenThereIsNone() {
        String caseId = snapshottedCase();
        long last = lastSequence(caseId);
        String payload = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM snapshot_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number DESC LIMIT 1").param(caseId).query(String.class).single();
        assertThat(payload).contains("\"closed\":false");
        String doctored = payload.replace("\"closed\":false", "\"closed\":true");
        replaceSnapshots(caseId, last, REVISION, doctored, sealed(caseId, last, doctored));

        Response onTheSealedSnapshot = note(caseId, "Refused if the case was read from the snapshot that says it is closed.");

        assertThat(onTheSealedSnapshot.status()).as(onTheSealedSnapshot.toString()).isEqualTo(409);
        assertThat(onTheSealedSnapshot.field("rule")).isEqualTo("CASE_CLOSED");

        replaceSnapshots(caseId, last, REVISION, doctored, "{}");
        assertThat(note(caseId, "The unsealed snapshot is ignored, and the events say the case is open.").status())
                .isEqualTo(201);

        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(caseId).update();
        assertThat(note(caseId, "Without a snapshot the case is folded from its events, which say it is open.").status())
                .isEqualTo(201);
    }

    @Test
    void aSnapshotOfAnotherRevisionIsSkipped() {
        String caseId = snapshottedCase();
        long last = lastSequence(caseId);
        String older = "{\"closed\":true,\"aFieldThisCaseNeverHad\":1}";
        replaceSnapshots(caseId, last, "0", older, sealed(caseId, last, "0", older));

        Response answer = note(caseId, "Written although an unreadable snapshot of an older shape lies about.");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    @Test
    void aNoteIdUsedBeforeTheSnapshotIsStillRefusedAndItsNoteStillCorrectableAfterIt() {
        String caseId = Fixtures.openCase(http);
        NoteId first = NoteId.random();
        commands.sendAndWait(new RecordJournalNote(CaseId.of(caseId), first, "The first note.", envelope()));
        long firstAt = lastSequence(caseId);
        for (int note = 0; note < snapshots.eventsBetweenSnapshots() + 2; note++) {
            assertThat(note(caseId, "Note " + note + ".").status()).isEqualTo(201);
        }
        awaitSnapshotAtLeast(caseId, firstAt + 1);

        assertThatThrownBy(() -> commands.sendAndWait(
                new RecordJournalNote(CaseId.of(caseId), first, "The same id again.", envelope())))
                .isInstanceOfSatisfying(LedgerRuleViolation.class, violation ->
                        assertThat(violation.rule()).isEqualTo(LedgerRule.DUPLICATE_ID));
        Response correction = http.as("anna").post("/api/v1/cases/" + caseId + "/notes/" + first.value() + "/corrections",
                Map.of("text", "The first note, corrected.", "reason", "a name was wrong"));
        assertThat(correction.status()).as(correction.toString()).isEqualTo(201);
    }

    @Test
    void erasingTheChildOfASnapshottedCaseLeavesNoPlaintextInTheSnapshots() {
        String mark = "QZXE" + UUID.randomUUID().toString().substring(0, 8);
        String child = Fixtures.registerChild(http);
        String caseId = Fixtures.openCaseOnSchoolReport(http, child).field("caseId");
        for (int note = 0; note < snapshots.eventsBetweenSnapshots() + 2; note++) {
            assertThat(note(caseId, "Talked with " + mark + " about the summer.").status()).isEqualTo(201);
        }
        awaitSnapshotAtLeast(caseId, snapshots.eventsBetweenSnapshots());
        assertThat(rejectionOfLatestSnapshot(caseId)).isEmpty();

        Response erased = http.as("lars").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "RETENTION"));

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("dataKeysDestroyed").asInt()).isEqualTo(2);
        assertThat(http.as("lars").get("/api/v1/cases/" + caseId + "/history").text()).doesNotContain(mark).contains("[erased]");
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE position(convert_to(?, 'UTF8') in payload) > 0")
                .param(mark).query(Long.class).single()).isZero();
        assertThat(rejectionOfLatestSnapshot(caseId)).as("the erasure leaves the snapshot's seal intact").isEmpty();
    }

    private String snapshottedCase() {
        String caseId = Fixtures.openCase(http);
        for (int note = 0; note < snapshots.eventsBetweenSnapshots() + 2; note++) {
            assertThat(note(caseId, "Note " + note + ".").status()).isEqualTo(201);
        }
        awaitSnapshotAtLeast(caseId, snapshots.eventsBetweenSnapshots());
        return caseId;
    }

    private Response note(String caseId, String text) {
        return http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", text));
    }

    /** Snapshots are written on their own thread after the command that asked for one. */
    private long awaitSnapshotAtLeast(String caseId, long sequence) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> latestSnapshot(caseId), latest -> latest >= sequence);
    }

    private long latestSnapshot(String caseId) {
        return jdbc.sql("SELECT coalesce(max(sequence_number), -1) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(caseId).query(Long.class).single();
    }

    private long lastSequence(String caseId) {
        return jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(caseId).query(Long.class).single();
    }

    /** Leaves only the given snapshot of the case, at its last event, as a node would find it. */
    private void replaceSnapshots(String caseId, long sequence, String revision, String payload, String metaData) {
        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(caseId).update();
        jdbc.sql("INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, "
                        + "payload, payload_revision, payload_type, time_stamp) "
                        + "VALUES (?, ?, 'Case', ?, convert_to(?, 'UTF8'), convert_to(?, 'UTF8'), ?, ?, ?)")
                .params(List.of(caseId, sequence, UUID.randomUUID().toString(), metaData, payload, revision, CASE_TYPE,
                        Instant.now().toString()))
                .update();
    }

    private String sealed(String caseId, long sequence, String payload) {
        return sealed(caseId, sequence, REVISION, payload);
    }

    /** The metadata the application would write for this payload, at the case's event stored at that sequence number. */
    private String sealed(String caseId, long sequence, String revision, String payload) {
        byte[] eventHash = ChainHashes.stored(jdbc, eventSchema).hashAt(caseId, sequence);
        Map<String, String> seal = sealer.seal(caseId, sequence, new SimpleSerializedObject<>(
                payload.getBytes(StandardCharsets.UTF_8), byte[].class, CASE_TYPE, revision), eventHash);
        return "{\"" + SnapshotSealer.EVENT_HASH + "\":\"" + seal.get(SnapshotSealer.EVENT_HASH) + "\",\""
                + SnapshotSealer.MAC + "\":\"" + seal.get(SnapshotSealer.MAC) + "\"}";
    }

    /** The case's latest snapshot as the event store reads it, judged by its seal. */
    private Optional<String> rejectionOfLatestSnapshot(String caseId) {
        DomainEventData<byte[]> snapshot = jdbc.sql("SELECT * FROM snapshot_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number DESC LIMIT 1").param(caseId)
                .query((row, number) -> new GenericDomainEventEntry<>(row.getString("type"), row.getString("aggregate_identifier"),
                        row.getLong("sequence_number"), row.getString("event_identifier"), row.getString("time_stamp"),
                        row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                        row.getBytes("meta_data")))
                .single();
        return sealer.rejectionOf(snapshot, ChainHashes.stored(jdbc, eventSchema));
    }

    private static Envelope envelope() {
        Instant now = Instant.now();
        return new Envelope(StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY, UnitId.of("vivalla"), now, now,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), null);
    }
}
