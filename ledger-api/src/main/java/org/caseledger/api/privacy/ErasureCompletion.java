package org.caseledger.api.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes erasures (docs/privacy.md, "What erasure removes, and when"): wraps every surviving data key again under a
 * new key-encryption epoch, destroys the older epochs' key-encryption keys outside the database, and vacuums
 * {@code data_key}. Afterwards no copy of an erased person's wrapped key — a dead tuple, a WAL segment, a base backup —
 * can be unwrapped, even with the master key. Runs by itself when an erasure happened since the last completion, and
 * at once on {@code POST /api/admin/erasure-completion}; one node at a time.
 */
@Component
public class ErasureCompletion {

    private static final Logger log = LoggerFactory.getLogger(ErasureCompletion.class);
    private static final String ONE_AT_A_TIME = "SELECT pg_try_advisory_xact_lock(hashtextextended('ledger-erasure-completion', 0))";

    /**
     * What a completion did.
     *
     * @param epoch           the key-encryption epoch that now wraps every surviving data key
     * @param keysWrapped     how many data keys it wraps
     * @param epochsDestroyed the epochs whose key-encryption keys were destroyed
     * @param vacuumed        whether {@code data_key} was vacuumed (it is not when the database user does not own it)
     */
    public record Completed(int epoch, int keysWrapped, List<Integer> epochsDestroyed, boolean vacuumed) {
    }

    private final DataKeys keys;
    private final KeyEncryptionKeys keks;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final DataSource owner;

    ErasureCompletion(DataKeys keys, KeyEncryptionKeys keks, JdbcClient jdbc, TransactionTemplate transaction,
                      @FlywayDataSource DataSource owner) {
        this.keys = keys;
        this.keks = keks;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.owner = owner;
    }

    @Scheduled(fixedDelayString = "${ledger.privacy.erasure-completion-poll:PT1M}",
            initialDelayString = "${ledger.privacy.erasure-completion-poll:PT1M}")
    void completeWhenDue() {
        if (due()) {
            complete();
        }
    }

    /** Whether a key was destroyed, or a key is wrapped under an older epoch or the master key, since the last completion. */
    boolean due() {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM data_key WHERE wrapped_key IS NULL)
                                   > coalesce((SELECT destroyed_keys_covered FROM key_epoch ORDER BY epoch DESC LIMIT 1), 0)
                            OR EXISTS (SELECT 1 FROM data_key WHERE wrapped_key IS NOT NULL
                                       AND (kek_epoch IS NULL OR kek_epoch < (SELECT max(epoch) FROM key_epoch)))
                            OR EXISTS (SELECT 1 FROM key_epoch WHERE destroyed_at IS NULL
                                       AND epoch < (SELECT max(epoch) FROM key_epoch))
                        """)
                .query(Boolean.class).single();
    }

    /** Completes now; empty when another node is completing at this moment. */
    public Optional<Completed> complete() {
        DataKeys.Rewrapped rewrapped = transaction.execute(status -> {
            if (!jdbc.sql(ONE_AT_A_TIME).query(Boolean.class).single()) {
                return null;
            }
            DataKeys.Rewrapped done = keys.rewrapUnderNewEpoch();
            jdbc.sql("UPDATE key_epoch SET destroyed_keys_covered = (SELECT count(*) FROM data_key WHERE wrapped_key IS NULL) WHERE epoch = ?")
                    .param(done.epoch()).update();
            return done;
        });
        if (rewrapped == null) {
            return Optional.empty();
        }
        List<Integer> destroyed = transaction.execute(status -> keks.destroyBefore(rewrapped.epoch()));
        boolean vacuumed = vacuumDataKeys();
        log.info("Erasures completed: {} data keys wrapped under key-encryption epoch {}; epochs {} destroyed; data_key {}",
                rewrapped.keys(), rewrapped.epoch(), destroyed, vacuumed ? "vacuumed" : "NOT vacuumed (the database user does not own it)");
        return Optional.of(new Completed(rewrapped.epoch(), rewrapped.keys(), destroyed, vacuumed));
    }

    /**
     * Removes the dead versions of {@code data_key} rows: the wrapped keys an erasure or a new epoch replaced. They no
     * longer unwrap once their epoch is destroyed; vacuuming takes them out of the table's files as well. VACUUM needs
     * the table's owner, the migrations' user, and cannot run in a transaction.
     */
    private boolean vacuumDataKeys() {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("VACUUM (VERBOSE false) data_key");
            List<String> warnings = new ArrayList<>();
            for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                warnings.add(warning.getMessage());
            }
            return warnings.stream().noneMatch(message -> message.contains("skipping"));
        } catch (SQLException e) {
            log.warn("data_key could not be vacuumed: {}", e.getMessage());
            return false;
        }
    }
}
