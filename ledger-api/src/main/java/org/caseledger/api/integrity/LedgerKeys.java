package org.caseledger.api.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.core.integrity.EventAuthenticator;
import org.caseledger.core.integrity.HmacSha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's identity and the keys it has signed and authenticated with, each from the position where it took over
 * (docs/integrity.md, "Key rotation"). Epoch 0 is the key the identity row was authenticated with; every later epoch is
 * a row of {@code ledger_key}, signed by the key before it (the handover) and by itself (the endorsement), so that
 * anyone holding the first public key can follow the ledger to its current one.
 * <p>
 * Checked, and a rotation recorded, while the node starts, before anything is appended or sealed: a node refuses to
 * start when the identity row is not authentic, a handover does not verify, a key the ledger used is missing from its
 * configuration, its signing key is one the ledger has retired, or a rotation row was removed after the new key was
 * used. Every node of a ledger is stopped for a rotation; the first to start with the new key records it.
 */
@Component
public class LedgerKeys {

    private static final Logger log = LoggerFactory.getLogger(LedgerKeys.class);

    /** The ledger's identity as recorded. */
    public record Identity(UUID ledgerId, long authenticatedFrom) {
    }

    /**
     * One key's era: from {@code eventsFrom} (a global position) and {@code accessLogFrom} (an access-log position) on,
     * until the next epoch's, what is appended is authenticated with {@code key}. Epoch 0 has no handover.
     */
    public record Epoch(int number, SigningKey key, long eventsFrom, long accessLogFrom, Instant since, byte[] handover,
                        byte[] endorsement) {
    }

    private final SigningKey current;
    private final List<SigningKey> known;
    private final JdbcClient jdbc;
    private volatile Identity identity;
    private final List<Epoch> epochs;

    LedgerKeys(SigningKey current, IntegrityProperties properties, JdbcClient jdbc, PlatformTransactionManager transactions,
               Clock clock) {
        this.current = current;
        this.jdbc = jdbc;
        List<SigningKey> keys = new ArrayList<>(properties.retiredKeyFiles().stream().map(SigningKey::read).toList());
        keys.add(current);
        this.known = List.copyOf(keys);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        this.identity = recordedIdentity().orElse(null);
        if (identity == null) {
            // a ledger that has not yet appended under authenticators: its identity is recorded with the first such event
            refuseWithoutIdentity();
            this.epochs = List.of(new Epoch(0, current, 1, 1, null, null, null));
            return;
        }
        List<Epoch> recorded = readEpochs();
        Epoch newest = recorded.get(recorded.size() - 1);
        if (!newest.key().keyId().equals(current.keyId())) {
            refuseARetiredKey(recorded);
            refuseWhenTheNewKeyWasUsedAlready(newest);
            recorded.add(transaction.execute(status -> recordRotation(newest, clock.instant())));
        }
        this.epochs = List.copyOf(recorded);
        known.stream().filter(key -> epochs.stream().noneMatch(epoch -> epoch.key().keyId().equals(key.keyId())))
                .forEach(unused -> log.warn("The retired key {} in ledger.integrity.retired-key-files never signed for this ledger",
                        unused.keyId()));
    }

    /**
     * The ledger's identity; recorded, in the caller's transaction, before the first event authenticated under it, with
     * the first global position from which events must carry an authenticator.
     */
    public Identity identity() {
        Identity known = identity;
        if (known == null) {
            known = recordIdentity();
        }
        return known;
    }

    /** The key that signs and authenticates from now on. */
    public SigningKey current() {
        return current;
    }

    /** Every epoch, oldest first; the last is the current key's. */
    public List<Epoch> epochs() {
        return epochs;
    }

    /** The key that authenticated the event at this global position. */
    SigningKey forEvent(long globalIndex) {
        return keyAt(globalIndex, Epoch::eventsFrom);
    }

    /** The key that authenticated the access-log entry at this position. */
    public SigningKey forAccessLogEntry(long position) {
        return keyAt(position, Epoch::accessLogFrom);
    }

    /** The key of the newest epoch that had begun at this position (epochs begin in order). */
    private SigningKey keyAt(long position, ToLongFunction<Epoch> from) {
        Epoch era = epochs.get(0);
        for (Epoch epoch : epochs) {
            if (from.applyAsLong(epoch) <= position) {
                era = epoch;
            }
        }
        return era.key();
    }

    /** The ledger's key of this id (the first 16 hex digits of its fingerprint), current or retired. */
    public Optional<SigningKey> byKeyId(String keyId) {
        return epochs.stream().map(Epoch::key).filter(key -> key.keyId().equals(keyId)).findFirst();
    }

    /**
     * The bytes a handover and an endorsement sign: the key's raw public key taking over from the previous one at these
     * positions, in this ledger.
     */
    static byte[] handoverStatement(UUID ledgerId, int epoch, SigningKey previous, SigningKey next, long eventsFrom,
                                    long accessLogFrom) {
        Base64.Encoder base64 = Base64.getEncoder();
        return ("case-ledger/key-handover/1\nledger-id=" + ledgerId + "\nepoch=" + epoch
                + "\nprevious-key=" + base64.encodeToString(previous.rawPublicKey())
                + "\nkey=" + base64.encodeToString(next.rawPublicKey())
                + "\nevents-from=" + eventsFrom + "\naccess-log-from=" + accessLogFrom + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private synchronized Identity recordIdentity() {
        if (identity != null) {
            return identity;
        }
        if (recordedIdentity().isEmpty()) {
            refuseWithoutIdentity();
            long next = jdbc.sql("SELECT coalesce(max(global_index), 0) + 1 FROM domain_event_entry").query(Long.class).single();
            UUID ledgerId = UUID.randomUUID();
            jdbc.sql("INSERT INTO ledger_identity (id, ledger_id, authenticated_from, mac) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
                    .params(ledgerId, next, identityMac(current, new Identity(ledgerId, next))).update();
        }
        Identity recorded = recordedIdentity().orElseThrow();
        byte[] mac = jdbc.sql("SELECT mac FROM ledger_identity WHERE id = 1").query(byte[].class).single();
        if (!MessageDigest.isEqual(identityMac(current, recorded), mac)) {
            throw new IllegalStateException("the ledger's identity row (ledger_identity) was not written with this node's key: another "
                    + "node recorded it with another signing key; refusing to trust events without authenticators");
        }
        identity = recorded;
        return recorded;
    }

    private Optional<Identity> recordedIdentity() {
        return jdbc.sql("SELECT ledger_id, authenticated_from FROM ledger_identity WHERE id = 1")
                .query((rs, n) -> new Identity(rs.getObject(1, UUID.class), rs.getLong(2))).optional();
    }

    /** A missing identity row while events carry authenticators, or rotations are recorded, means the row was removed. */
    private void refuseWithoutIdentity() {
        boolean authenticated = jdbc.sql("SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE authenticator IS NOT NULL) "
                + "OR EXISTS (SELECT 1 FROM ledger_key)").query(Boolean.class).single();
        if (authenticated) {
            throw new IllegalStateException("the ledger's identity row (ledger_identity) is missing although events carry "
                    + "authenticators: it was removed; refusing to record a new one");
        }
    }

    /** Epoch 0 from the identity row, then the recorded rotations, each verified. */
    private List<Epoch> readEpochs() {
        byte[] identityMac = jdbc.sql("SELECT mac FROM ledger_identity WHERE id = 1").query(byte[].class).single();
        SigningKey first = known.stream().filter(key -> MessageDigest.isEqual(identityMac(key, identity), identityMac)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the ledger's identity row (ledger_identity) was not written with any key "
                        + "of this node (the signing key and ledger.integrity.retired-key-files): refusing to trust events without "
                        + "authenticators"));
        List<Epoch> epochs = new ArrayList<>();
        epochs.add(new Epoch(0, first, 1, 1, null, null, null));
        record Row(int epoch, byte[] publicKey, long eventsFrom, long accessLogFrom, Instant since, byte[] handover, byte[] endorsement) {
        }
        List<Row> rows = jdbc.sql("SELECT epoch, public_key, events_from, access_log_from, recorded_at, handover, endorsement "
                        + "FROM ledger_key ORDER BY epoch")
                .query((rs, n) -> new Row(rs.getInt(1), rs.getBytes(2), rs.getLong(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant(), rs.getBytes(6), rs.getBytes(7))).list();
        for (Row row : rows) {
            Epoch previous = epochs.get(epochs.size() - 1);
            SigningKey key = known.stream().filter(candidate -> Arrays.equals(candidate.rawPublicKey(), row.publicKey())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the ledger signed with the key " + Base64.getEncoder()
                            .encodeToString(row.publicKey()) + " from global position " + row.eventsFrom() + " (epoch " + row.epoch()
                            + "); its key file must be in ledger.integrity.retired-key-files or be the signing key"));
            byte[] statement = handoverStatement(identity.ledgerId(), row.epoch(), previous.key(), key, row.eventsFrom(), row.accessLogFrom());
            boolean follows = row.epoch() == previous.number() + 1 && row.eventsFrom() >= previous.eventsFrom()
                    && row.accessLogFrom() >= previous.accessLogFrom();
            if (!follows || !Ed25519.verify(previous.key().publicKey(), statement, row.handover())
                    || !Ed25519.verify(key.publicKey(), statement, row.endorsement())) {
                throw new IllegalStateException("the key rotation of epoch " + row.epoch() + " (ledger_key) was not signed over by key "
                        + previous.key().keyId() + ": refusing to trust the keys after it");
            }
            epochs.add(new Epoch(row.epoch(), key, row.eventsFrom(), row.accessLogFrom(), row.since(), row.handover(), row.endorsement()));
        }
        return epochs;
    }

    private void refuseARetiredKey(List<Epoch> recorded) {
        recorded.stream().filter(epoch -> epoch.key().keyId().equals(current.keyId())).findFirst().ifPresent(epoch -> {
            throw new IllegalStateException("the signing key " + current.keyId() + " was retired when epoch " + (epoch.number() + 1)
                    + " began: start every node with the ledger's current key (ledger.integrity.signing-key-file)");
        });
    }

    /**
     * Events already authenticated with this key, past the newest recorded epoch, mean the row that recorded its epoch was
     * removed: recording it again would move the boundary past events appended meanwhile, which the old key could forge.
     */
    private void refuseWhenTheNewKeyWasUsedAlready(Epoch newest) {
        byte[] eventKey = current.derivedKey(EventAuthenticator.KEY_PURPOSE);
        boolean[] used = {false};
        // every event since, not only the newest: a forged newest row must not hide the new key's earlier ones
        jdbc.sql("SELECT hash, authenticator FROM domain_event_entry WHERE global_index >= ? AND authenticator IS NOT NULL")
                .param(newest.eventsFrom())
                .query(rs -> {
                    used[0] |= EventAuthenticator.matches(eventKey, rs.getBytes(1), rs.getBytes(2));
                });
        if (used[0]) {
            throw new IllegalStateException("events are authenticated with the signing key " + current.keyId() + ", but no key rotation "
                    + "to it is recorded (ledger_key): the row was removed; refusing to record it again");
        }
    }

    /**
     * Records the rotation from the newest epoch's key to the current one, from the next global and access-log positions.
     * The exclusive append lock waits for appends in flight on this database, so every later event is appended after the
     * boundary; nodes still running with the old key must have been stopped.
     */
    private Epoch recordRotation(Epoch newest, Instant now) {
        jdbc.sql(HashingEventAppender.APPEND_LOCK_EXCLUSIVE).query((rs, row) -> 1).list();
        long eventsFrom = jdbc.sql("SELECT coalesce(max(global_index), 0) + 1 FROM domain_event_entry").query(Long.class).single();
        long accessLogFrom = jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM access_log").query(Long.class).single();
        int number = newest.number() + 1;
        byte[] statement = handoverStatement(identity.ledgerId(), number, newest.key(), current, eventsFrom, accessLogFrom);
        byte[] handover = newest.key().sign(statement);
        byte[] endorsement = current.sign(statement);
        int inserted = jdbc.sql("INSERT INTO ledger_key (epoch, key_id, public_key, events_from, access_log_from, recorded_at, handover, "
                        + "endorsement) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(number, current.keyId(), current.rawPublicKey(), eventsFrom, accessLogFrom, Timestamp.from(now), handover,
                        endorsement)
                .update();
        if (inserted == 0) {
            throw new IllegalStateException("another node recorded a key rotation at the same time; start this node again");
        }
        log.warn("Key rotation: the ledger signs and authenticates with key {} from global position {} and access-log position {} "
                + "(epoch {}); key {} is retired and only verifies what it signed", current.keyId(), eventsFrom, accessLogFrom, number,
                newest.key().keyId());
        return new Epoch(number, current, eventsFrom, accessLogFrom, now, handover, endorsement);
    }

    private static byte[] identityMac(SigningKey key, Identity identity) {
        return HmacSha256.of(key.derivedKey(EventAuthenticator.KEY_PURPOSE), ("case-ledger/ledger-identity/1\nledger-id="
                + identity.ledgerId() + "\nauthenticated-from=" + identity.authenticatedFrom() + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
