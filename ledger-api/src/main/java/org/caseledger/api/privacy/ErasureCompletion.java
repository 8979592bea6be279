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
 * new key-encryption epoch, destroys the older epochs' key-encryption keys outside the database, and rewrites
 * {@code data_key} and the lookup tables into new files. Afterwards no copy of an erased person's wrapped key — a dead tuple, a WAL segment, a base backup —
 * can be unwrapped, even with the master key. Runs by itself when an erasure happened since the last completion, and
 * at once on {@code POST /api/v1/admin/erasure-completion}; one node at a time.
 */
@Component
public class ErasureCompletion {

    static final int VACUUM_ATTEMPTS = 10;
    private static final java.time.Duration VACUUM_PAUSE = java.time.Duration.ofMillis(300);
    private static final java.time.Duration LOCK_WAIT = java.time.Duration.ofSeconds(2);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Pattern NOT_YET_REMOVABLE = Pattern.compile("(\\d+) dead row versions cannot be removed yet");

    private static final Logger log = LoggerFactory.getLogger(ErasureCompletion.class);
    private static final String ONE_AT_A_TIME = "SELECT pg_try_advisory_xact_lock(hashtextextended('ledger-erasure-completion', 0))";

    /**
     * What a completion did.
     *
     * @param epoch           the key-encryption epoch that now wraps every surviving data key
     * @param keysWrapped     how many data keys it wraps
     * @param epochsDestroyed the epochs whose key-encryption keys were destroyed
     * @param vacuumed        whether {@code data_key} and the lookup tables were rewritten clean: not while a
     *                        transaction that began before the rewrap still saw the replaced versions, after every attempt
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
        } else {
            rewriteOwed().ifPresent(epoch -> {
                if (rewriteKeyTables()) {
                    rewritten(epoch);
                }
            });
        }
    }

    /**
     * The newest epoch when the key tables have not been rewritten clean since its rewrap: a completion's rewrite that
     * could not finish is owed until one succeeds, on whichever node polls next.
     */
    Optional<Integer> rewriteOwed() {
        return jdbc.sql("SELECT epoch FROM key_epoch WHERE key_tables_rewritten_at IS NULL AND epoch = (SELECT max(epoch) FROM key_epoch)")
                .query(Integer.class).optional();
    }

    private void rewritten(int epoch) {
        jdbc.sql("UPDATE key_epoch SET key_tables_rewritten_at = now() WHERE epoch = ?").param(epoch).update();
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
        boolean vacuumed = rewriteKeyTables();
        if (vacuumed) {
            rewritten(rewrapped.epoch());
        }
        log.info("Erasures completed: {} data keys wrapped under key-encryption epoch {}; epochs {} destroyed; key tables {}",
                rewrapped.keys(), rewrapped.epoch(), destroyed, vacuumed ? "rewritten"
                        : "NOT rewritten clean (see the warning above)");
        return Optional.of(new Completed(rewrapped.epoch(), rewrapped.keys(), destroyed, vacuumed));
    }

    /**
     * Rewrites {@code data_key}, {@code identity_lookup} and {@code name_lookup} into new files ({@code VACUUM FULL}), so
     * that the replaced versions of wrapped keys and an erased person's lookup digests leave the tables' and their
     * indexes' files. A plain VACUUM would not do: it frees a dead row's space but leaves its bytes in the page until the
     * space is used again, in the table and in its indexes. VACUUM needs the tables' owner: the key role of V31, whose
     * member the ledger's role is (the ledger tables' owner it never is), and it cannot run in a transaction. Each table
     * is locked for the moment of its rewrite (they hold a row per key and per person); the lock is waited for at most
     * {@link #LOCK_WAIT}, so that a queue behind a long transaction never holds the ledger's commands up. A transaction of
     * another connection that began before the rewrap keeps the replaced versions visible, and the rewrite then keeps
     * them too ("cannot be removed yet"): it is run again, a moment later, up to {@value #VACUUM_ATTEMPTS} times, until
     * none is left.
     */
    private boolean rewriteKeyTables() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("SET lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'");
            try {
                for (int attempt = 1; attempt <= VACUUM_ATTEMPTS; attempt++) {
                    if (rewroteClean(statement)) {
                        return true;
                    }
                    Thread.sleep(VACUUM_PAUSE.toMillis());
                }
            } finally {
                statement.execute("RESET lock_timeout");
            }
            log.warn("the key tables still hold replaced versions that an older transaction may see; the next poll rewrites them again");
            return false;
        } catch (SQLException e) {
            log.warn("the key tables could not be rewritten: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One rewrite of the three tables: whether it left no replaced version behind. */
    private static boolean rewroteClean(Statement statement) throws SQLException {
        try {
            statement.execute("VACUUM (FULL, VERBOSE) data_key, identity_lookup, name_lookup");
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                log.info("a key table is in use past {}; the rewrite is tried again", LOCK_WAIT);
                return false;
            }
            throw e;
        }
        List<String> messages = new ArrayList<>();
        for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
            messages.add(warning.getMessage());
        }
        statement.clearWarnings();
        Optional<String> skipped = messages.stream().filter(message -> message.contains("skipping")).findFirst();
        if (skipped.isPresent()) {
            throw new SQLException("the ledger's role may not rewrite the key tables (it must be a member of their owner, V31): " + skipped.get());
        }
        return messages.stream().noneMatch(ErasureCompletion::leftDeadVersions);
    }

    /** Whether VACUUM (FULL, VERBOSE) said it kept dead row versions that an older snapshot may still see. */
    private static boolean leftDeadVersions(String message) {
        Matcher left = NOT_YET_REMOVABLE.matcher(message);
        return left.find() && Long.parseLong(left.group(1)) > 0;
    }
}
