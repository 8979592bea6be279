package org.caseledger.api.privacy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.caseledger.projections.personaldata.Aes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key-encryption keys (KEKs) that wrap the data keys, one per epoch. Each lives in a file of its own in the key
 * directory, outside the database, encrypted under the master key: the database holds only the epoch's number and id.
 * Destroying an epoch overwrites and removes its file, after which nothing that epoch wrapped can be unwrapped, wherever
 * a copy of it is left (a dead tuple, the WAL, a backup). Every node of a ledger shares the key directory.
 * <p>
 * A node keeps a KEK it read in memory for at most the key cache time, like a data key, so that a destroyed epoch is
 * forgotten everywhere within that bound.
 */
@Component
class KeyEncryptionKeys {

    /** An epoch's KEK, and when this node read it. */
    private record Loaded(SecretKey key, Instant readAt) {
    }

    /** An epoch as recorded. */
    record Epoch(int number, UUID kekId) {
    }

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final Path directory;
    private final PrivacyProperties properties;
    private final Clock clock;
    private final Map<Integer, Loaded> loaded = new ConcurrentHashMap<>();

    KeyEncryptionKeys(JdbcClient jdbc, MasterKey master, PrivacyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.master = master;
        this.directory = properties.keyDirectory().toAbsolutePath();
        this.properties = properties;
        this.clock = clock;
    }

    /** The newest epoch, which wraps every new data key; the first is created when there is none. */
    Epoch current() {
        return newest().orElseGet(() -> {
            create(1);
            return newest().orElseThrow();
        });
    }

    /** The KEK of an epoch; refused once the epoch was destroyed. */
    SecretKey of(int epoch) {
        Loaded known = loaded.get(epoch);
        if (known != null && known.readAt().plus(properties.keyCacheTime()).isAfter(clock.instant())) {
            return known.key();
        }
        Epoch recorded = jdbc.sql("SELECT epoch, kek_id FROM key_epoch WHERE epoch = ? AND destroyed_at IS NULL").param(epoch)
                .query((rs, row) -> new Epoch(rs.getInt(1), rs.getObject(2, UUID.class))).optional()
                .orElseThrow(() -> new IllegalStateException("the key-encryption key of epoch " + epoch + " was destroyed or never existed"));
        Path file = fileOf(recorded);
        try {
            byte[] sealed = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            SecretKey key = Aes.key(Aes.decrypt(master.key(), sealed, context(recorded)));
            loaded.put(epoch, new Loaded(key, clock.instant()));
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("the key-encryption key of epoch " + epoch + " is missing from " + file
                    + ": every node of a ledger needs the same key directory (ledger.privacy.key-directory)", e);
        }
    }

    /**
     * Creates the KEK of a new epoch: its file is written and flushed to disk before its row commits, so that no data key
     * is ever wrapped under a KEK that is not stored. Runs in the caller's transaction; answers whether this call created
     * it (another node may have created that epoch at the same moment).
     */
    boolean create(int number) {
        Epoch epoch = new Epoch(number, UUID.randomUUID());
        SecretKey key = Aes.newKey();
        try {
            Files.createDirectories(directory);
            Path file = fileOf(epoch);
            byte[] sealed = Base64.getEncoder().encode(Aes.encrypt(master.key(), key.getEncoded(), context(epoch)));
            try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                channel.write(ByteBuffer.wrap(sealed));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a key-encryption key to " + directory, e);
        }
        int inserted = jdbc.sql("INSERT INTO key_epoch (epoch, kek_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(epoch.number(), epoch.kekId(), Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            destroyFile(fileOf(epoch));
            return false;
        }
        loaded.put(number, new Loaded(key, clock.instant()));
        return true;
    }

    /**
     * Destroys every epoch older than this one: each file is overwritten with zeros, flushed and removed, and the epoch is
     * recorded as destroyed. Answers the epochs destroyed. Only when no data key is wrapped under them any more.
     */
    List<Integer> destroyBefore(int epoch) {
        List<Epoch> older = jdbc.sql("SELECT epoch, kek_id FROM key_epoch WHERE epoch < ? AND destroyed_at IS NULL ORDER BY epoch")
                .param(epoch).query((rs, row) -> new Epoch(rs.getInt(1), rs.getObject(2, UUID.class))).list();
        for (Epoch old : older) {
            destroyFile(fileOf(old));
            loaded.remove(old.number());
            jdbc.sql("UPDATE key_epoch SET destroyed_at = ? WHERE epoch = ?").params(Timestamp.from(clock.instant()), old.number()).update();
        }
        return older.stream().map(Epoch::number).toList();
    }

    Path fileOf(Epoch epoch) {
        return directory.resolve("kek-" + epoch.number() + "-" + epoch.kekId());
    }

    private Optional<Epoch> newest() {
        return jdbc.sql("SELECT epoch, kek_id FROM key_epoch ORDER BY epoch DESC LIMIT 1")
                .query((rs, row) -> new Epoch(rs.getInt(1), rs.getObject(2, UUID.class))).optional();
    }

    private static void destroyFile(Path file) {
        try {
            if (Files.exists(file)) {
                long size = Files.size(file);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.allocate((int) size));
                    channel.force(true);
                }
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot destroy the key-encryption key in " + file, e);
        }
    }

    private static byte[] context(Epoch epoch) {
        return ("case-ledger key-encryption key " + epoch.number() + " " + epoch.kekId()).getBytes(StandardCharsets.UTF_8);
    }
}
