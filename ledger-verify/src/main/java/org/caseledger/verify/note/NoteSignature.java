package org.caseledger.verify.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import org.caseledger.verify.primitives.StrictBase64;

/**
 * One signature line of a note: {@code — <key name> <base64(key ID || signature)>}. The key ID is the big-endian
 * uint32 the key name and it identify the key by; {@code signature} is what follows it.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    /** The em dash and space every signature line starts with. */
    public static final String LINE_PREFIX = "\u2014 ";

    public NoteSignature {
        KeyName.require(keyName);
        if (signature.length == 0) {
            throw new IllegalArgumentException("a signature is not empty");
        }
        signature = signature.clone();
    }

    /** Parses one line without its newline; nothing if it is not exactly a signature line. */
    public static Optional<NoteSignature> parseLine(String line) {
        if (!line.startsWith(LINE_PREFIX)) {
            return Optional.empty();
        }
        String rest = line.substring(LINE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String name = rest.substring(0, space);
        if (!KeyName.isValid(name)) {
            return Optional.empty();
        }
        return StrictBase64.decode(rest.substring(space + 1))
                .filter(bytes -> bytes.length >= 5)
                .map(bytes -> new NoteSignature(name, ByteBuffer.wrap(bytes).getInt(), Arrays.copyOfRange(bytes, 4, bytes.length)));
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The line as it appears in a note, with its final newline. */
    public String line() {
        byte[] payload = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        return LINE_PREFIX + keyName + " " + StrictBase64.encode(payload) + "\n";
    }

    boolean isBy(NoteVerifier verifier) {
        return keyName.equals(verifier.keyName()) && keyId == verifier.keyId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyId == that.keyId
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keyName.hashCode() + keyId) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return line().strip();
    }
}
