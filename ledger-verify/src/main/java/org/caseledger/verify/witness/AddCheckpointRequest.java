package org.caseledger.verify.witness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.caseledger.verify.note.MalformedNoteException;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.primitives.Decimal;
import org.caseledger.verify.tlog.Checkpoint;
import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.tlog.MalformedCheckpointException;

/**
 * The body of {@code POST <submission prefix>/add-checkpoint} (c2sp.org/tlog-witness):
 * <pre>
 * old &lt;size of the witness's latest checkpoint, decimal&gt;\n
 * &lt;consistency proof hash, base64&gt;\n     (0 to 63 lines)
 * \n
 * &lt;the signed checkpoint note&gt;
 * </pre>
 */
public final class AddCheckpointRequest {

    public static final int MAX_PROOF_LINES = 63;
    /** "old " and 19 digits, 63 proof lines of 44 characters, the newlines, a blank line, and the note. */
    public static final int MAX_BYTES = 24 + MAX_PROOF_LINES * 45 + 1 + Note.MAX_BYTES;

    private final long oldSize;
    private final List<Hash> consistencyProof;
    private final Note note;
    private final Checkpoint checkpoint;

    private AddCheckpointRequest(long oldSize, List<Hash> consistencyProof, Note note, Checkpoint checkpoint) {
        this.oldSize = oldSize;
        this.consistencyProof = List.copyOf(consistencyProof);
        this.note = note;
        this.checkpoint = checkpoint;
    }

    /** A request for the log's client to send; refuses what a witness would refuse as malformed. */
    public static AddCheckpointRequest of(long oldSize, List<Hash> consistencyProof, Note signedCheckpoint) {
        if (oldSize < 0) {
            throw new IllegalArgumentException("no tree has a negative size");
        }
        if (consistencyProof.size() > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("a consistency proof has at most " + MAX_PROOF_LINES + " hashes");
        }
        try {
            return new AddCheckpointRequest(oldSize, consistencyProof, signedCheckpoint, Checkpoint.parse(signedCheckpoint.text()));
        } catch (MalformedCheckpointException e) {
            throw new IllegalArgumentException("the note is not a checkpoint: " + e.getMessage(), e);
        }
    }

    public static AddCheckpointRequest parse(byte[] body) throws MalformedRequestException {
        if (body.length > MAX_BYTES) {
            throw new MalformedRequestException("the request is longer than " + MAX_BYTES + " bytes");
        }
        int position = 0;
        int end = lineEnd(body, position);
        String oldLine = ascii(body, position, end);
        if (!oldLine.startsWith("old ")) {
            throw new MalformedRequestException("the request does not start with 'old <size>'");
        }
        OptionalLong oldSize = Decimal.parse(oldLine.substring(4));
        if (oldSize.isEmpty()) {
            throw new MalformedRequestException("the old size is not a decimal number without leading zeros below 2^63");
        }
        List<Hash> proof = new ArrayList<>();
        while (true) {
            position = end + 1;
            end = lineEnd(body, position);
            if (end == position) {
                break;
            }
            if (proof.size() == MAX_PROOF_LINES) {
                throw new MalformedRequestException("the consistency proof has more than " + MAX_PROOF_LINES + " lines");
            }
            Optional<Hash> hash = Hash.fromBase64(ascii(body, position, end));
            if (hash.isEmpty()) {
                throw new MalformedRequestException("proof line " + (proof.size() + 1) + " is not the canonical Base64 of 32 bytes");
            }
            proof.add(hash.get());
        }
        byte[] noteBytes = Arrays.copyOfRange(body, end + 1, body.length);
        Note note;
        Checkpoint checkpoint;
        try {
            note = Note.parse(noteBytes);
            checkpoint = Checkpoint.parse(note.text());
        } catch (MalformedNoteException | MalformedCheckpointException e) {
            throw new MalformedRequestException("the checkpoint is malformed: " + e.getMessage());
        }
        return new AddCheckpointRequest(oldSize.getAsLong(), proof, note, checkpoint);
    }

    public long oldSize() {
        return oldSize;
    }

    public List<Hash> consistencyProof() {
        return consistencyProof;
    }

    /** The signed note the checkpoint came in, with every signature it carried. */
    public Note note() {
        return note;
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("old ").append(oldSize).append('\n');
        consistencyProof.forEach(hash -> head.append(hash.base64()).append('\n'));
        head.append('\n');
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(note.toBytes());
        return out.toByteArray();
    }

    /** The index of the newline ending the line that starts at {@code start}; a missing one makes the body malformed. */
    private static int lineEnd(byte[] body, int start) throws MalformedRequestException {
        for (int i = start; i < body.length; i++) {
            if (body[i] == '\n') {
                return i;
            }
        }
        throw new MalformedRequestException("the request ends before the blank line that precedes the checkpoint");
    }

    private static String ascii(byte[] body, int from, int to) throws MalformedRequestException {
        for (int i = from; i < to; i++) {
            if (body[i] < 0x20 || body[i] > 0x7e) {
                throw new MalformedRequestException("the lines before the checkpoint are printable ASCII");
            }
        }
        return new String(body, from, to - from, StandardCharsets.US_ASCII);
    }
}
