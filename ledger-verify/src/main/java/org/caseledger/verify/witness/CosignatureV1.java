package org.caseledger.verify.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.caseledger.verify.note.NoteSignature;
import org.caseledger.verify.primitives.Ed25519;

/**
 * The Ed25519 cosignature of c2sp.org/tlog-cosignature (signature type 0x04). The cosigner signs
 * <pre>
 * cosignature/v1\n
 * time &lt;timestamp, decimal&gt;\n
 * &lt;the whole checkpoint body, extension lines included&gt;
 * </pre>
 * and the note signature after the key ID is {@code timestamp (8 bytes, big-endian) || Ed25519 signature (64 bytes)}.
 * The timestamp is POSIX seconds, at most 2^63 - 1; zero would make no statement about time and is refused.
 */
public final class CosignatureV1 {

    public static final int SIGNATURE_LENGTH = 8 + Ed25519.SIGNATURE_LENGTH;

    private CosignatureV1() {
    }

    public static byte[] signedMessage(long timestamp, byte[] checkpointText) {
        byte[] header = ("cosignature/v1\ntime " + timestamp + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(header, header.length + checkpointText.length);
        System.arraycopy(checkpointText, 0, message, header.length, checkpointText.length);
        return message;
    }

    /** The timestamp a cosignature carries, if it has the length and a timestamp this format allows. */
    public static Optional<Long> timestamp(NoteSignature cosignature) {
        return timestamp(cosignature.signature());
    }

    static Optional<Long> timestamp(byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            return Optional.empty();
        }
        long timestamp = ByteBuffer.wrap(signature).getLong();
        return timestamp > 0 ? Optional.of(timestamp) : Optional.empty();
    }
}
