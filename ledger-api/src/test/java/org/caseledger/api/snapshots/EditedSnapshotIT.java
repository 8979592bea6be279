package org.caseledger.api.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.Snapshotter;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The application may change {@code snapshot_event_entry}, and a case's commands are decided on its snapshot: a
 * snapshot changed in the database, or one that does not belong to the event it names, is ignored, and the command is
 * judged by the case's events. What the events forbid stays forbidden, and nothing is written.
 */
@ExtendWith(OutputCaptureExtension.class)
class EditedSnapshotIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private SnapshotProperties snapshots;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private Snapshotter snapshotter;

    @Autowired
    private SnapshotSealer sealer;

    @Test
    void aClosedCaseWhoseSnapshotWasEditedToSayOpenStillRefusesNotes(CapturedOutput log) {
        String caseId = closedCaseSnapshottedAtItsClosure();
        long last = lastSequence(caseId);
        String viewBefore = settledView(caseId, last);
        long eventsBefore = eventsOf(caseId);

        editSnapshotPayload(caseId, "\"closed\":true", "\"closed\":false");
        Response note = note(caseId, "Accepted only if the case were read from the edited snapshot.");

        assertThat(note.status()).as(note.toString()).isEqualTo(409);
        assertThat(note.field("rule")).isEqualTo("CASE_CLOSED");
        assertThat(eventsOf(caseId)).isEqualTo(eventsBefore);
        assertThat(http.as("anna").get("/api/v1/cases/" + caseId).text()).isEqualTo(viewBefore);
        assertThat(log.getAll())
                .contains("Ignored the snapshot of " + caseId + " at sequence number " + last + ": its MAC does not match")
                .doesNotContain("\"closed\":false");
    }

    @Test
    void aNoteIdRemovedFromAnEditedSnapshotIsStillRefusedAsUsed() {
        String caseId = Fixtures.openCase(http);
        NoteId first = NoteId.random();
        commands.sendAndWait(new RecordJournalNote(CaseId.of(caseId), first, "The first note.", envelope()));
        for (int note = 0; note < snapshots.eventsBetweenSnapshots() + 2; note++) {
            assertThat(note(caseId, "Note " + note + ".").status()).isEqualTo(201);
        }
        snapshotNow(caseId);
        long eventsBefore = eventsOf(caseId);

        editSnapshotPayload(caseId, "\"" + first.value() + "\"", "\"" + NoteId.random().value() + "\"");

        assertThatThrownBy(() -> commands.sendAndWait(
                new RecordJournalNote(CaseId.of(caseId), first, "The same id again.", envelope())))
                .isInstanceOfSatisfying(LedgerRuleViolation.class, violation ->
                        assertThat(violation.rule()).isEqualTo(LedgerRule.DUPLICATE_ID));
        assertThat(eventsOf(caseId)).isEqualTo(eventsBefore);
    }

    @Test
    void aSnapshotSealedWithTheRightKeyButAtAnotherEventThanTheStoredOneIsIgnored(CapturedOutput log) {
        String caseId = closedCaseSnapshottedAtItsClosure();
        long last = lastSequence(caseId);
        long eventsBefore = eventsOf(caseId);
        byte[] earlierEvent = hashOfEvent(caseId, last - 1);
        String reopened = snapshotPayload(caseId).replace("\"closed\":true", "\"closed\":false");
        Map<String, String> seal = sealer.seal(caseId, last, new SimpleSerializedObject<>(
                reopened.getBytes(StandardCharsets.UTF_8), byte[].class, Case.class.getName(),
                Case.class.getAnnotation(Revision.class).value()), earlierEvent);
        jdbc.sql("UPDATE snapshot_event_entry SET payload = convert_to(?, 'UTF8'), meta_data = ? WHERE aggregate_identifier = ?")
                .params(reopened, json(seal), caseId).update();

        Response note = note(caseId, "Accepted only if a snapshot of another history were used.");

        assertThat(note.status()).as(note.toString()).isEqualTo(409);
        assertThat(note.field("rule")).isEqualTo("CASE_CLOSED");
        assertThat(eventsOf(caseId)).isEqualTo(eventsBefore);
        assertThat(log.getAll()).contains("Ignored the snapshot of " + caseId + " at sequence number " + last
                + ": the stream's event at its sequence number is not the one it was taken at");
    }

    @Test
    void aCaseWhoseSnapshotWasDeletedIsJudgedByItsEvents() {
        String caseId = closedCaseSnapshottedAtItsClosure();
        long eventsBefore = eventsOf(caseId);

        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(caseId).update();
        Response note = note(caseId, "Refused: the events say the case is closed.");

        assertThat(note.status()).as(note.toString()).isEqualTo(409);
        assertThat(note.field("rule")).isEqualTo("CASE_CLOSED");
        assertThat(eventsOf(caseId)).isEqualTo(eventsBefore);
    }

    @Test
    void anEditedSnapshotIsReplacedByASealedOneWhenTheCaseIsSnapshottedAgain() {
        String caseId = Fixtures.openCase(http);
        for (int note = 0; note < snapshots.eventsBetweenSnapshots() + 2; note++) {
            assertThat(note(caseId, "Note " + note + ".").status()).isEqualTo(201);
        }
        long last = snapshotNow(caseId);
        editSnapshotPayload(caseId, "\"closed\":false", "\"closed\":true");

        snapshotter.scheduleSnapshot(Case.class, caseId);

        await().atMost(Duration.ofSeconds(60)).until(() -> snapshotPayload(caseId), payload -> payload.contains("\"closed\":false"));
        assertThat(lastSequence(caseId)).isEqualTo(last);
        assertThat(note(caseId, "Written on the new snapshot.").status()).isEqualTo(201);
    }

    /** A case closed after more events than the threshold, with a snapshot taken at its closure. */
    private String closedCaseSnapshottedAtItsClosure() {
        String caseId = Fixtures.openCase(http);
        for (int note = 0; note < snapshots.eventsBetweenSnapshots() + 2; note++) {
            assertThat(note(caseId, "Note " + note + ".").status()).isEqualTo(201);
        }
        Response closed = http.as("lars").post("/api/v1/cases/" + caseId + "/closure", Map.of("reason", "The family moved away."));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        snapshotNow(caseId);
        assertThat(snapshotPayload(caseId)).contains("\"closed\":true");
        return caseId;
    }

    private void editSnapshotPayload(String caseId, String from, String to) {
        assertThat(snapshotPayload(caseId)).contains(from);
        int edited = jdbc.sql("UPDATE snapshot_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8') "
                + "WHERE aggregate_identifier = ?").params(from, to, caseId).update();
        assertThat(edited).isEqualTo(1);
        assertThat(snapshotPayload(caseId)).contains(to).doesNotContain(from);
    }

    /** The case as its read model shows it once it has caught up with the case's last event. */
    private String settledView(String caseId, long last) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> http.as("anna").get("/api/v1/cases/" + caseId),
                view -> view.status() == 200 && view.json().path("version").asLong() == last).text();
    }

    private Response note(String caseId, String text) {
        return http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", text));
    }

    /** Asks for a snapshot of the case, as its trigger would, and waits for it: taken at the case's last event. */
    private long snapshotNow(String caseId) {
        long last = lastSequence(caseId);
        snapshotter.scheduleSnapshot(Case.class, caseId);
        return await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "SELECT coalesce(max(sequence_number), -1) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(caseId).query(Long.class).single(), latest -> latest == last);
    }

    private String snapshotPayload(String caseId) {
        return jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(caseId).query(String.class).single();
    }

    private long lastSequence(String caseId) {
        return jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(caseId).query(Long.class).single();
    }

    private long eventsOf(String caseId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(caseId).query(Long.class).single();
    }

    private byte[] hashOfEvent(String caseId, long sequence) {
        return jdbc.sql("SELECT hash FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")
                .params(caseId, sequence).query(byte[].class).single();
    }

    private static byte[] json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Envelope envelope() {
        Instant now = Instant.now();
        return new Envelope(StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY, UnitId.of("vivalla"), now, now,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), null);
    }
}
