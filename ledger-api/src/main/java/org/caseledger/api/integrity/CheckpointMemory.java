package org.caseledger.api.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caseledger.verify.primitives.Sha256;
import org.springframework.stereotype.Component;

/**
 * What this node remembers, outside the database, of the newest checkpoint it has signed or seen signed: its number
 * and hash, per ledger, in a small file of its own ({@code ledger.integrity.checkpoint-memory-file}). A database whose
 * newest checkpoint is older, or holds another checkpoint under that number, had checkpoints rolled back: the sealer
 * refuses to sign over it. The file outlives restarts; a node that loses it trusts the database's newest checkpoint
 * again on first use, which is what witnesses are for.
 */
@Component
public class CheckpointMemory {

    /** A checkpoint (or a seal of another log) as remembered. */
    public record Remembered(long number, byte[] hash) {
    }

    /** Ledgers remembered at most: a node serves one ledger, a test machine many databases one after another. */
    private static final int LEDGERS_KEPT = 64;

    private final Path file;
    /** By log: the ledger's id, a slash and the log's name ({@code events}, {@code access-log}). */
    private final Map<String, Remembered> remembered = new LinkedHashMap<>();

    CheckpointMemory(IntegrityProperties properties) {
        this.file = properties.checkpointMemoryFile().toAbsolutePath();
        load();
    }

    public synchronized Optional<Remembered> of(UUID ledger, String log) {
        return Optional.ofNullable(remembered.get(ledger + "/" + log));
    }

    /** Remembers the checkpoint (or seal) if it is newer than what is remembered, and writes the file before answering. */
    public synchronized void remember(UUID ledger, String log, long number, byte[] hash) {
        String key = ledger + "/" + log;
        Remembered known = remembered.get(key);
        if (known != null && known.number() >= number) {
            return;
        }
        remembered.remove(key);
        remembered.put(key, new Remembered(number, hash));
        while (remembered.size() > LEDGERS_KEPT) {
            remembered.remove(remembered.keySet().iterator().next());
        }
        store();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] fields = line.trim().split(" ");
                if (fields.length == 3) {
                    remembered.put(fields[0], new Remembered(Long.parseLong(fields[1]), Sha256.fromHex(fields[2])));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the checkpoint memory " + file + " cannot be read; move it aside only after checking "
                    + "the ledger's newest checkpoint against the witnesses", e);
        }
    }

    private void store() {
        StringBuilder text = new StringBuilder();
        remembered.forEach((ledger, checkpoint) -> text.append(ledger).append(' ').append(checkpoint.number()).append(' ')
                .append(Sha256.hex(checkpoint.hash())).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(written, text, StandardCharsets.US_ASCII);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the checkpoint memory " + file + " cannot be written", e);
        }
    }
}
