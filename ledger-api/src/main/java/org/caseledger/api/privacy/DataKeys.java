package org.caseledger.api.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code data_key} table: one data key per case file and one per person's registration, each owned by a
 * person (a case file's by its child), wrapped by the master key. Destroying a person's keys leaves the rows and
 * forgets the keys. Unwrapped keys are kept in memory for a short while.
 */
@Component
public class DataKeys {

    /** A key as last read: the key, or empty once destroyed. */
    private record Cached(Optional<SecretKey> key, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final Clock clock;
    private final PrivacyProperties properties;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    /** Keys this node destroyed: never again answered from memory, whatever a read in flight put there. */
    private final Set<UUID> destroyedHere = ConcurrentHashMap.newKeySet();

    DataKeys(JdbcClient jdbc, MasterKey master, Clock clock, PrivacyProperties properties) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
        this.properties = properties;
    }

    /** Creates the key if there is none yet; runs in the appending transaction, so it commits with the first event. */
    void ensure(UUID keyId, UUID owner) {
        SecretKey key = Aes.newKey();
        jdbc.sql("INSERT INTO data_key (key_id, owner_id, wrapped_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (key_id) DO NOTHING")
                .params(keyId, owner, master.wrap(keyId, key), java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Creates a case file's key, owned by the case's child, if there is none yet: a case opened before personal data
     * was encrypted gets its key with its first new entry.
     */
    void ensureForCase(UUID caseId) {
        jdbc.sql("""
                INSERT INTO data_key (key_id, owner_id, wrapped_key, created_at)
                SELECT case_id, child_id, ?, ? FROM case_access WHERE case_id = ?
                ON CONFLICT (key_id) DO NOTHING
                """)
                .params(master.wrap(caseId, Aes.newKey()), java.sql.Timestamp.from(clock.instant()), caseId)
                .update();
    }

    /** The key, or empty if it has been destroyed. A key that never existed is a defect, not an erasure. */
    Optional<SecretKey> key(UUID keyId) {
        if (destroyedHere.contains(keyId)) {
            return Optional.empty();
        }
        Cached cached = cache.get(keyId);
        if (cached != null && cached.readAt().plus(properties.keyCacheTime()).isAfter(clock.instant())) {
            return cached.key();
        }
        byte[] wrapped = jdbc.sql("SELECT wrapped_key FROM data_key WHERE key_id = ?").param(keyId)
                .query((rs, row) -> Optional.ofNullable(rs.getBytes(1)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no data key " + keyId + " was ever created"))
                .orElse(null);
        Optional<SecretKey> key = wrapped == null ? Optional.empty() : Optional.of(master.unwrap(keyId, wrapped));
        cache.put(keyId, new Cached(key, clock.instant()));
        if (destroyedHere.contains(keyId)) {
            // read before the destroying transaction committed, cached after: the key must not outlive that commit
            cache.remove(keyId);
            return Optional.empty();
        }
        return key;
    }

    /** The key if it was created and is not destroyed; empty for a key destroyed or never created. */
    Optional<SecretKey> existing(UUID keyId) {
        if (!known(keyId) && !destroyedHere.contains(keyId)
                && jdbc.sql("SELECT count(*) FROM data_key WHERE key_id = ?").param(keyId).query(Long.class).single() == 0) {
            return Optional.empty();
        }
        return key(keyId);
    }

    /** Whether this node holds the key (or its destruction) in memory, so that it surely exists. */
    boolean known(UUID keyId) {
        Cached cached = cache.get(keyId);
        return cached != null && cached.readAt().plus(properties.keyCacheTime()).isAfter(clock.instant());
    }

    /**
     * Destroys every key the person owns: their registration's and their case files'. Answers the keys destroyed.
     * Until the caller's transaction commits, other connections still read the wrapped keys; a read-model fold
     * running meanwhile would cache one again. So the keys are forgotten now and, for good, once the destruction
     * has committed.
     */
    public List<UUID> destroyOwnedBy(UUID owner) {
        List<UUID> destroyed = jdbc.sql("UPDATE data_key SET wrapped_key = NULL, destroyed_at = ? WHERE owner_id = ? "
                        + "AND wrapped_key IS NOT NULL RETURNING key_id")
                .params(java.sql.Timestamp.from(clock.instant()), owner)
                .query(UUID.class).list();
        destroyed.forEach(cache::remove);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    destroyedHere.addAll(destroyed);
                    destroyed.forEach(cache::remove);
                }
            });
        } else {
            destroyedHere.addAll(destroyed);
        }
        return destroyed;
    }

    /** Forgets a key held in memory, so that the next read goes to the table (after an erasure on this node). */
    public void forget(List<UUID> keyIds) {
        keyIds.forEach(cache::remove);
    }

    /** Forgets every key the person owns, so that this node reads them as destroyed once another node erased them. */
    public void forgetOwnedBy(UUID owner) {
        forget(jdbc.sql("SELECT key_id FROM data_key WHERE owner_id = ?").param(owner).query(UUID.class).list());
    }
}
