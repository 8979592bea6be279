package org.caseledger.verify.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.caseledger.verify.note.KeyName;
import org.caseledger.verify.primitives.Decimal;
import org.caseledger.verify.primitives.StrictUtf8;
import org.caseledger.verify.tlog.Hash;

/**
 * The witness's memory: for each log, by origin, the latest tree it cosigned. Kept in one small text file,
 * <pre>
 * witness-state/v1
 * &lt;origin&gt; &lt;size&gt; &lt;root hash, base64&gt;
 * ...
 * </pre>
 * rewritten whole on each change through a temporary file that is flushed to disk and then renamed over the old one,
 * so a crash leaves either the old state or the new one. A witness that forgot a log's latest tree could be led to
 * cosign a fork of it, so a file that cannot be read is never taken for an empty one: opening fails. While open, the
 * file is locked, so that a second witness process cannot share it and break the check-then-record rule.
 */
public final class WitnessState implements CosignedTrees, AutoCloseable {

    static final String HEADER = "witness-state/v1";
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, CosignedTree> trees;

    private WitnessState(Path file, FileChannel lockChannel, FileLock lock, Map<String, CosignedTree> trees) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.trees = trees;
    }

    /** Opens the state file, or starts an empty state if there is none yet. */
    public static WitnessState open(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another witness holds the state file " + absolute + " (locked through " + lockFile + ")");
        }
        try {
            return new WitnessState(absolute, channel, lock, read(absolute));
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    @Override
    public synchronized Optional<CosignedTree> latest(String origin) {
        return Optional.ofNullable(trees.get(origin));
    }

    /** Records a log's latest cosigned tree; returns only once the file on disk says so. */
    @Override
    public synchronized void record(String origin, CosignedTree tree) throws IOException {
        if (!KeyName.isValid(origin)) {
            throw new IllegalArgumentException("the state file keeps only origins that are key names: " + origin);
        }
        Map<String, CosignedTree> next = new TreeMap<>(trees);
        next.put(origin, tree);
        write(next);
        trees.put(origin, tree);
    }

    @Override
    public synchronized void close() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        lockChannel.close();
    }

    private void write(Map<String, CosignedTree> next) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        next.forEach((origin, tree) -> text.append(origin).append(' ').append(tree.size()).append(' ')
                .append(tree.rootHash().base64()).append('\n'));
        Path directory = file.getParent();
        Path temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + file + " cannot replace a file atomically", e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        syncDirectory(directory);
    }

    /** Makes the rename itself durable; a file system that cannot open a directory for this (not Linux) is skipped. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // The rename is atomic either way; only its durability across a power cut depends on this.
        }
    }

    private static Map<String, CosignedTree> read(Path file) throws IOException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("the state file " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        }
        String text = StrictUtf8.decode(bytes).orElseThrow(() -> broken(file, "it is not UTF-8"));
        if (!text.startsWith(HEADER + "\n") || !text.endsWith("\n")) {
            throw broken(file, "it does not start with '" + HEADER + "' or does not end with a newline");
        }
        Map<String, CosignedTree> trees = new TreeMap<>();
        String[] lines = text.substring(HEADER.length() + 1).split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String[] fields = lines[i].split(" ", -1);
            OptionalLong size = fields.length == 3 ? Decimal.parse(fields[1]) : OptionalLong.empty();
            Optional<Hash> root = fields.length == 3 ? Hash.fromBase64(fields[2]) : Optional.empty();
            if (size.isEmpty() || root.isEmpty() || !KeyName.isValid(fields[0]) || trees.containsKey(fields[0])) {
                throw broken(file, "line " + (i + 2) + " is not '<origin> <size> <root hash>' for a new origin");
            }
            trees.put(fields[0], new CosignedTree(size.getAsLong(), root.get()));
        }
        return trees;
    }

    private static IOException broken(Path file, String why) {
        return new IOException("the witness state file " + file + " cannot be read (" + why + "); "
                + "a witness that forgot what it cosigned could be made to cosign a fork, so it does not start");
    }
}
