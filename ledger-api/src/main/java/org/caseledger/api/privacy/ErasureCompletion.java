package org.caseledger.api.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes erasures (docs/privacy.md, "What erasure removes, and when"): wraps every surviving data key again under a
 * new key-encryption epoch, destroys the older epochs' key-encryption keys outside the database, and vacuums
 * {@code data_key}. Afterwards no copy of an erased person's wrapped key — a dead tuple, a WAL segment, a base backup —
 * can be unwrapped, even with the master key. Runs by itself when an erasure happened since the last completion, and
 * at once on {@code POST /api/v1/admin/erasure-completion}; one node at a time.
 */
@Component
public class ErasureCompletion {

    static final int VACUUM_ATTEMPTS = 10;
    private static final java.time.Duration VACUUM_PAUSE = java.time.Duration.ofMillis(300);
    private static final Pattern NOT_YET_REMOVABLE = Pattern.compile("(\\d+) are dead but not yet removable");

    private static final Logger log = LoggerFactory.getLogger(ErasureCompletion.class);
    private static final String ONE_AT_A_TIME = "SELECT pg_try_advisory_xact_lock(hashtextextended('ledger-erasure-completion', 0))";

    /**
     * What a completion did.
     *
     * @param epoch           the key-encryption epoch that now wraps every surviving data key
     * @param keysWrapped     how many data keys it wraps
     * @param epochsDestroyed the epochs whose key-encryption keys were destroyed
     * @param vacuumed        whether {@code data_key} was vacuumed: only where the ledger's role may vacuum it (PostgreSQL
     *                        17's MAINTAIN privilege, V31); elsewhere autovacuum does it within about a minute
     */
    public record Completed(int epoch, int keysWrapped, List<Integer> epochsDestroyed, boolean vacuumed) {
    }

    private final DataKeys keys;
    private final KeyEncryptionKeys keks;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;

    ErasureCompletion(DataKeys keys, KeyEncryptionKeys keks, JdbcClient jdbc, TransactionTemplate transaction, DataSource dataSource) {
        this.keys = keys;
        this.keks = keks;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.dataSource = dataSource;
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
                rewrapped.keys(), rewrapped.epoch(), destroyed, vacuumed ? "vacuumed"
                        : "left to autovacuum (the ledger's role may not vacuum it: PostgreSQL before 17, see V31)");
        return Optional.of(new Completed(rewrapped.epoch(), rewrapped.keys(), destroyed, vacuumed));
    }

    /**
     * Removes the dead versions of {@code data_key} rows (the wrapped keys an erasure or a new epoch replaced) and of
     * {@code identity_lookup} and {@code name_lookup} rows (an erased person's digests). The keys no longer unwrap once
     * their epoch is destroyed; vacuuming takes them out of the tables' files as well. VACUUM needs the tables' owner,
     * whose credentials the serving process never holds, or from PostgreSQL 17 the MAINTAIN privilege, which V31 grants
     * the ledger's role; before 17 it is skipped here, and autovacuum, set by V31 to take these tables up at their first
     * dead row, does it within about a minute. VACUUM cannot run in a transaction. A transaction of another connection that began before the rewrap keeps its old row
     * versions visible, and VACUUM then leaves them ("dead but not yet removable"): it is run again, a moment later,
     * up to {@value #VACUUM_ATTEMPTS} times, until none is left.
     */
    private boolean vacuumDataKeys() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (int attempt = 1; attempt <= VACUUM_ATTEMPTS; attempt++) {
                statement.execute("VACUUM (VERBOSE true) data_key, identity_lookup, name_lookup");
                List<String> messages = new ArrayList<>();
                for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                    messages.add(warning.getMessage());
                }
                statement.clearWarnings();
                if (messages.stream().anyMatch(message -> message.contains("skipping"))) {
                    return false;
                }
                if (messages.stream().noneMatch(ErasureCompletion::leftDeadVersions)) {
                    return true;
                }
                Thread.sleep(VACUUM_PAUSE.toMillis());
            }
            log.warn("data_key still holds replaced versions that an older transaction may see; autovacuum removes them later");
            return false;
        } catch (SQLException e) {
            log.warn("data_key could not be vacuumed: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether VACUUM VERBOSE said it left dead row versions that an older snapshot may still see. */
    private static boolean leftDeadVersions(String message) {
        Matcher left = NOT_YET_REMOVABLE.matcher(message);
        return left.find() && Long.parseLong(left.group(1)) > 0;
    }
}
