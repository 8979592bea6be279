package org.caseledger.verify.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.caseledger.verify.primitives.Decimal;
import org.caseledger.verify.primitives.StrictUtf8;

/**
 * The body of a checkpoint (c2sp.org/tlog-checkpoint): the origin of the log, the size of its tree and the tree's
 * root hash, one per line, then optional extension lines.
 *
 * <pre>
 * &lt;origin&gt;\n
 * &lt;tree size, decimal, no leading zero&gt;\n
 * &lt;root hash, Base64&gt;\n
 * [&lt;extension line&gt;\n ...]
 * </pre>
 *
 * Extension lines are kept and signed over, but they are opaque: nothing here gives them a meaning.
 */
public record Checkpoint(String origin, long size, Hash rootHash, List<String> extensionLines) {

    /** Longer texts are refused before any parsing; no checkpoint of a real log comes near it. */
    public static final int MAX_TEXT_LENGTH = 64 * 1024;

    public Checkpoint {
        requireLine(origin, "the origin");
        if (size < 0) {
            throw new IllegalArgumentException("a tree has no negative size");
        }
        if (rootHash == null) {
            throw new IllegalArgumentException("a checkpoint has a root hash");
        }
        extensionLines = List.copyOf(extensionLines);
        extensionLines.forEach(line -> requireLine(line, "an extension line"));
    }

    public Checkpoint(String origin, long size, Hash rootHash) {
        this(origin, size, rootHash, List.of());
    }

    public static Checkpoint parse(String text) throws MalformedCheckpointException {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new MalformedCheckpointException("the checkpoint is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (!text.endsWith("\n")) {
            throw new MalformedCheckpointException("a checkpoint ends with a newline");
        }
        if (!StrictUtf8.hasOnlyNewlineControls(text)) {
            throw new MalformedCheckpointException("a checkpoint has no control character but newline");
        }
        List<String> lines = lines(text);
        if (lines.size() < 3) {
            throw new MalformedCheckpointException("a checkpoint has at least three lines: origin, size and root hash");
        }
        for (String line : lines) {
            if (line.isEmpty()) {
                throw new MalformedCheckpointException("a checkpoint has no empty line");
            }
        }
        OptionalLong size = Decimal.parse(lines.get(1));
        if (size.isEmpty()) {
            throw new MalformedCheckpointException("the tree size is not a decimal number without leading zeros below 2^63");
        }
        Hash root = Hash.fromBase64(lines.get(2)).orElseThrow(
                () -> new MalformedCheckpointException("the root hash is not the canonical Base64 of 32 bytes"));
        try {
            return new Checkpoint(lines.get(0), size.getAsLong(), root, lines.subList(3, lines.size()));
        } catch (IllegalArgumentException e) {
            throw new MalformedCheckpointException(e.getMessage());
        }
    }

    /** The note text: what the log signs and every cosigner signs over. */
    public String format() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(rootHash.base64()).append('\n');
        extensionLines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return lines;
    }

    private static void requireLine(String line, String what) {
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException(what + " is not empty");
        }
        if (line.indexOf('\n') >= 0 || !StrictUtf8.hasOnlyNewlineControls(line)) {
            throw new IllegalArgumentException(what + " is one line without control characters");
        }
        StrictUtf8.encode(line);
    }
}
