package org.caseledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A connection lost while a write is committed: the ledger cannot know whether the write is stored, and says so instead
 * of "nothing was recorded"; a retry with the same Idempotency-Key then answers from what was stored. The database
 * itself ends the connection at the commit, through a deferred trigger on the idempotency row that terminates its own
 * backend.
 */
class LostCommitIT extends IntegrationTest {

    private static final String KEY_PREFIX = "lose-at-commit-";

    @Test
    void givenAConnectionLostDuringTheCommitWhenAWriteIsSentThenTheOutcomeIsUnknownAndARetryWithTheKeyRecordsItOnce() throws SQLException {
        String caseId = Fixtures.openCase(http);
        String key = KEY_PREFIX + System.nanoTime();
        long notesBefore = notes(caseId);
        Response lost;
        try (Connection owner = TestDatabase.ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("""
                    CREATE OR REPLACE FUNCTION test_lose_connection_at_commit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                    BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$""");
            sql.execute("CREATE CONSTRAINT TRIGGER test_lose_connection_at_commit AFTER INSERT ON idempotent_request "
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.idempotency_key LIKE '" + KEY_PREFIX + "%') "
                    + "EXECUTE FUNCTION test_lose_connection_at_commit()");
            try {
                lost = http.as("anna").header("Idempotency-Key", key).post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "A note."));
            } finally {
                sql.execute("DROP TRIGGER test_lose_connection_at_commit ON idempotent_request");
                sql.execute("DROP FUNCTION test_lose_connection_at_commit()");
            }
        }

        assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
        assertThat(lost.json().path("type").asString()).isEqualTo("/problems/outcome-unknown");
        assertThat(lost.header("Retry-After")).isNotBlank();
        assertThat(lost.json().path("detail").asString()).contains("Idempotency-Key").doesNotContain("Inget registrerades");

        Response retried = http.as("anna").header("Idempotency-Key", key).post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "A note."));
        Response again = http.as("anna").header("Idempotency-Key", key).post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "A note."));

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Location")).isEqualTo(retried.header("Location"));
        assertThat(notes(caseId)).as("the note, once").isEqualTo(notesBefore + 1);
    }

    private long notes(String caseId) {
        return http.as("anna").get("/api/v1/cases/" + caseId + "/history").json().findValuesAsString("type").stream()
                .filter("JournalNoteRecorded"::equals).count();
    }
}
