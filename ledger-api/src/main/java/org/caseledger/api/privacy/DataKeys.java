package org.caseledger.api.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.caseledger.projections.personaldata.Aes;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final MasterKey master;
    private final KeyEncryptionKeys keks;
    private final Clock clock;
    private final UnwrappedKeys cache;
    /**
     * Keys known destroyed, by this node or (seen by {@link DestroyedKeysPoll}) another: never again answered from
     * memory, whatever a read in flight put there.
     */
    private final Set<UUID> destroyed = ConcurrentHashMap.newKeySet();

    DataKeys(JdbcClient jdbc, JdbcTemplate batch, MasterKey master, KeyEncryptionKeys keks, Clock clock, PrivacyProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.master = master;
        this.keks = keks;
        this.clock = clock;
        this.cache = new UnwrappedKeys(properties.keyCacheTime(), clock);
    }

    /** Creates the key if there is none yet; runs in the appending transaction, so it commits with the first event. */
    void ensure(UUID keyId, UUID owner) {
        insertWrapped(keyId, epoch -> jdbc.sql("""
                        INSERT INTO data_key (key_id, owner_id, wrapped_key, created_at, kek_epoch)
                        SELECT ?, ?, ?, ?, ? WHERE ? = (SELECT max(epoch) FROM key_epoch)
                        ON CONFLICT (key_id) DO NOTHING
                        """)
                .params(keyId, owner, wrap(keyId, Aes.newKey(), epoch), Timestamp.from(clock.instant()), epoch, epoch)
                .update());
    }

    /**
     * Creates a case file's key, owned by the case's child, if there is none yet: a case opened before personal data
     * was encrypted gets its key with its first new entry.
     */
    void ensureForCase(UUID caseId) {
        insertWrapped(caseId, epoch -> jdbc.sql("""
                        INSERT INTO data_key (key_id, owner_id, wrapped_key, created_at, kek_epoch)
                        SELECT case_id, child_id, ?, ?, ? FROM case_access WHERE case_id = ? AND ? = (SELECT max(epoch) FROM key_epoch)
                        ON CONFLICT (key_id) DO NOTHING
                        """)
                .params(wrap(caseId, Aes.newKey(), epoch), Timestamp.from(clock.instant()), epoch, caseId, epoch)
                .update());
    }

    /**
     * Inserts a new key wrapped under the current epoch's KEK. The insert holds only while that epoch is still the newest
     * when it runs: a completion of erasures locks the table, so an insert waiting on it sees the new epoch afterwards,
     * inserts nothing, and is wrapped again under it; no key is ever stored under an epoch about to be destroyed.
     */
    private void insertWrapped(UUID keyId, java.util.function.IntUnaryOperator insertUnder) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (insertUnder.applyAsInt(keks.current().number()) > 0 || exists(keyId)) {
                return;
            }
        }
        throw new IllegalStateException("the key-encryption key changed three times while data key " + keyId + " was created");
    }

    private boolean exists(UUID keyId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM data_key WHERE key_id = ?)").param(keyId).query(Boolean.class).single();
    }

    private byte[] wrap(UUID keyId, SecretKey key, int epoch) {
        return Aes.encrypt(keks.of(epoch), key.getEncoded(), context(keyId));
    }

    private SecretKey unwrap(UUID keyId, byte[] wrapped, Integer epoch) {
        return Aes.key(Aes.decrypt(epoch == null ? master.key() : keks.of(epoch), wrapped, context(keyId)));
    }

    private static byte[] context(UUID keyId) {
        return ("case-ledger data key " + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Wraps every surviving data key again under a new epoch's KEK, in one transaction that locks the table against
     * new and destroyed keys meanwhile. Answers the new epoch and how many keys it wraps; the older epochs' KEKs may be
     * destroyed once this has committed.
     */
    Rewrapped rewrapUnderNewEpoch() {
        jdbc.sql("LOCK TABLE data_key IN EXCLUSIVE MODE").update();
        int epoch = keks.current().number() + 1;
        if (!keks.create(epoch)) {
            throw new IllegalStateException("another node created key-encryption epoch " + epoch + " at the same moment");
        }
        record Live(UUID keyId, byte[] wrapped, Integer epoch) {
        }
        List<Live> live = jdbc.sql("SELECT key_id, wrapped_key, kek_epoch FROM data_key WHERE wrapped_key IS NOT NULL")
                .query((rs, row) -> new Live(rs.getObject(1, UUID.class), rs.getBytes(2), (Integer) rs.getObject(3))).list();
        List<Object[]> updates = new java.util.ArrayList<>(live.size());
        for (Live key : live) {
            updates.add(new Object[] {wrap(key.keyId(), unwrap(key.keyId(), key.wrapped(), key.epoch()), epoch), epoch, key.keyId()});
        }
        batch.batchUpdate("UPDATE data_key SET wrapped_key = ?, kek_epoch = ? WHERE key_id = ?", updates);
        return new Rewrapped(epoch, live.size());
    }

    /** What {@link #rewrapUnderNewEpoch()} did. */
    record Rewrapped(int epoch, int keys) {
    }

    /** The key, or empty if it has been destroyed. A key that never existed is a defect, not an erasure. */
    Optional<SecretKey> key(UUID keyId) {
        return read(keyId).orElseThrow(() -> new IllegalStateException("no data key " + keyId + " was ever created"));
    }

    /**
     * The key from memory, else from the table (and then kept for the key cache time): empty when no key was ever
     * created; an empty key once it was destroyed.
     */
    private Optional<Optional<SecretKey>> read(UUID keyId) {
        if (destroyed.contains(keyId)) {
            return Optional.of(Optional.empty());
        }
        Optional<Optional<SecretKey>> cached = cache.get(keyId);
        if (cached.isPresent()) {
            return cached;
        }
        record Stored(byte[] wrapped, Integer epoch) {
        }
        Optional<Stored> stored = jdbc.sql("SELECT wrapped_key, kek_epoch FROM data_key WHERE key_id = ?").param(keyId)
                .query((rs, row) -> new Stored(rs.getBytes(1), (Integer) rs.getObject(2)))
                .optional();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<SecretKey> key = Optional.ofNullable(stored.get().wrapped()).map(wrapped -> unwrap(keyId, wrapped, stored.get().epoch()));
        cache.put(keyId, key);
        if (destroyed.contains(keyId)) {
            // read before the destroying transaction committed, cached after: the key must not outlive that commit
            cache.forget(keyId);
            return Optional.of(Optional.empty());
        }
        return Optional.of(key);
    }

    /** The key if it was created and is not destroyed; empty for a key destroyed or never created. */
    Optional<SecretKey> existing(UUID keyId) {
        return read(keyId).flatMap(key -> key);
    }

    /** Whether this node holds the key (or its destruction) in memory, so that it surely exists. */
    boolean known(UUID keyId) {
        return cache.get(keyId).isPresent();
    }

    /**
     * Destroys every key the person owns: their registration's and their case files'. Answers the keys destroyed.
     * Until the caller's transaction commits, other connections still read the wrapped keys; an answer read
     * meanwhile would cache one again. So the keys are forgotten now and, for good, once the destruction
     * has committed.
     */
    public List<UUID> destroyOwnedBy(UUID owner) {
        List<UUID> destroyedNow = jdbc.sql("UPDATE data_key SET wrapped_key = NULL, destroyed_at = ? WHERE owner_id = ? "
                        + "AND wrapped_key IS NOT NULL RETURNING key_id")
                .params(Timestamp.from(clock.instant()), owner)
                .query(UUID.class).list();
        destroyedNow.forEach(cache::forget);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forgetForGood(destroyedNow);
                }
            });
        } else {
            forgetForGood(destroyedNow);
        }
        return destroyedNow;
    }

    /**
     * Forgets for good every key destroyed, on any node, since the given time: this node then stops answering with a
     * key another node destroyed within a poll ({@link DestroyedKeysPoll}) instead of the key cache time.
     */
    void forgetDestroyedSince(Instant since) {
        forgetForGood(jdbc.sql("SELECT key_id FROM data_key WHERE destroyed_at >= ?").param(Timestamp.from(since)).query(UUID.class).list());
    }

    private void forgetForGood(List<UUID> keyIds) {
        destroyed.addAll(keyIds);
        keyIds.forEach(cache::forget);
    }
}
