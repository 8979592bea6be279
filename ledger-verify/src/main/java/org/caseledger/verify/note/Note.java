package org.caseledger.verify.note;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseledger.verify.primitives.StrictUtf8;

/**
 * A signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one or more signature lines.
 * The text is separated from the signatures by the last blank line. A parsed note is only well formed; which of its
 * signatures hold is for {@link NoteVerifiers#open} to say, and its text means nothing until one does.
 */
public final class Note {

    /**
     * The largest note read. The specification asks verifiers to accept at least 16 signatures, post-quantum ones of
     * nearly 5 kB among them; 256 KiB holds that with room for the text.
     */
    public static final int MAX_BYTES = 256 * 1024;
    /** The most signature lines read (the number golang.org/x/mod/sumdb/note allows). */
    public static final int MAX_SIGNATURES = 100;

    private final String text;
    private final List<NoteSignature> signatures;

    private Note(String text, List<NoteSignature> signatures) {
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /** A note of a text and its signatures; refuses a text that could not be read back as this note. */
    public static Note of(String text, List<NoteSignature> signatures) {
        requireText(text);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a note has at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a note has at most " + MAX_SIGNATURES + " signatures");
        }
        Note note = new Note(text, signatures);
        if (note.toBytes().length > MAX_BYTES) {
            throw new IllegalArgumentException("a note has at most " + MAX_BYTES + " bytes");
        }
        return note;
    }

    /** Signs the text with each signer, in order. */
    public static Note sign(String text, List<? extends NoteSigner> signers) {
        requireText(text);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            signatures.add(new NoteSignature(signer.keyName(), signer.keyId(), signer.sign(message)));
        }
        return of(text, signatures);
    }

    public static Note parse(byte[] bytes) throws MalformedNoteException {
        if (bytes.length > MAX_BYTES) {
            throw new MalformedNoteException("the note is longer than " + MAX_BYTES + " bytes");
        }
        String message = StrictUtf8.decode(bytes).orElseThrow(() -> new MalformedNoteException("the note is not UTF-8"));
        if (!StrictUtf8.hasOnlyNewlineControls(message)) {
            throw new MalformedNoteException("the note has a control character other than newline");
        }
        int split = message.lastIndexOf("\n\n");
        if (split < 0) {
            throw new MalformedNoteException("the note has no blank line before its signatures");
        }
        return new Note(message.substring(0, split + 1), signatureBlock(message.substring(split + 2)));
    }

    /** Reads signature lines alone, as a witness answers them: one or more lines, each ending with a newline. */
    public static List<NoteSignature> parseSignatureLines(String lines) throws MalformedNoteException {
        if (lines.length() > MAX_BYTES) {
            throw new MalformedNoteException("the signatures are longer than " + MAX_BYTES + " characters");
        }
        if (!StrictUtf8.hasOnlyNewlineControls(lines)) {
            throw new MalformedNoteException("the signatures have a control character other than newline");
        }
        return signatureBlock(lines);
    }

    private static List<NoteSignature> signatureBlock(String block) throws MalformedNoteException {
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new MalformedNoteException("the note has no signature, or its last line does not end with a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = 0;
        while (start < block.length()) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new MalformedNoteException("the note has more than " + MAX_SIGNATURES + " signatures");
            }
            int end = block.indexOf('\n', start);
            Optional<NoteSignature> signature = NoteSignature.parseLine(block.substring(start, end));
            if (signature.isEmpty()) {
                throw new MalformedNoteException("line " + (signatures.size() + 1) + " of the signatures is not '— <key name> <base64>'");
            }
            signatures.add(signature.get());
            start = end + 1;
        }
        return signatures;
    }

    public String text() {
        return text;
    }

    public byte[] textBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public List<NoteSignature> signatures() {
        return signatures;
    }

    /** This note with more signatures after its own; a signature it already carries is not repeated. */
    public Note withSignatures(List<NoteSignature> more) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        more.stream().filter(signature -> !all.contains(signature)).forEach(all::add);
        return of(text, all);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        signatures.forEach(signature -> out.writeBytes(signature.line().getBytes(StandardCharsets.UTF_8)));
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    private static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline");
        }
        if (!StrictUtf8.hasOnlyNewlineControls(text)) {
            throw new IllegalArgumentException("a note's text has no control character other than newline");
        }
        StrictUtf8.encode(text);
    }
}
