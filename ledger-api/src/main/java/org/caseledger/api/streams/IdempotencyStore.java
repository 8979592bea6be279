package org.caseledger.api.streams;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Answers to commands sent with an idempotency key, kept in the same transaction as the command's events. */
@Repository
class IdempotencyStore {

    /** An earlier answer: its body the JSON it was sent with. */
    record StoredAnswer(String fingerprint, CommandResult<StoredJson> result) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotencyStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Claims the key for this transaction. A concurrent request with the same key waits here on the primary
     * key until the first one commits or rolls back, so two requests can never both run the command.
     *
     * @return the stored answer if the key was used before, empty if this request now holds the key
     */
    Optional<StoredAnswer> claim(String actor, String key, String fingerprint, Instant at) {
        int inserted = jdbc.sql("""
                INSERT INTO idempotent_request (actor, idempotency_key, fingerprint, status, body, created_at)
                VALUES (?, ?, ?, 0, '', ?)
                ON CONFLICT (actor, idempotency_key) DO NOTHING
                """)
                .params(actor, key, fingerprint, java.sql.Timestamp.from(at))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT fingerprint, status, location, version, body FROM idempotent_request WHERE actor = ? AND idempotency_key = ?")
                .params(actor, key)
                .query((rs, row) -> new StoredAnswer(rs.getString("fingerprint"), new CommandResult<>(
                        rs.getInt("status"), rs.getString("location"), (Long) rs.getObject("version"), new StoredJson(rs.getString("body")))))
                .optional();
    }

    void complete(String actor, String key, CommandResult<?> result) {
        jdbc.sql("UPDATE idempotent_request SET status = ?, location = ?, version = ?, body = ? WHERE actor = ? AND idempotency_key = ?")
                .params(result.status(), result.location(), result.version(), json.writeValueAsString(result.body()), actor, key)
                .update();
    }
}
