package org.caseledger.verify.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.caseledger.verify.primitives.Sha256;

/**
 * Writes named fields unambiguously: a header line, then {@code name=<byte length>:<value>\n}, or {@code name~\n} for
 * an absent value. Lengths count UTF-8 bytes, so no value can be mistaken for a separator, whatever it contains.
 * The bytes are written straight into one buffer: verifying a ledger writes a few of these for every event, and
 * building each line as a string first cost more than hashing it.
 */
public final class CanonicalFields {

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer = new byte[512];
    private int length;

    public CanonicalFields(String header) {
        write(utf8(header));
        write('\n');
    }

    public CanonicalFields field(String name, String value) {
        write(utf8(name));
        if (value == null) {
            write('~');
        } else {
            byte[] bytes = utf8(value);
            write('=');
            writeDecimal(bytes.length);
            write(':');
            write(bytes);
        }
        write('\n');
        return this;
    }

    public CanonicalFields field(String name, long value) {
        return field(name, Long.toString(value));
    }

    /** The same as {@code field(name, lower-case hex of bytes)}, without making the hex a string first. */
    public CanonicalFields hexField(String name, byte[] bytes) {
        write(utf8(name));
        write('=');
        writeDecimal(2L * bytes.length);
        write(':');
        room(2 * bytes.length);
        for (byte b : bytes) {
            buffer[length++] = HEX_DIGITS[(b >> 4) & 0xF];
            buffer[length++] = HEX_DIGITS[b & 0xF];
        }
        write('\n');
        return this;
    }

    public byte[] bytes() {
        return Arrays.copyOf(buffer, length);
    }

    /** SHA-256 of {@link #bytes()}. */
    public byte[] sha256() {
        return Sha256.of(buffer, length);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void writeDecimal(long value) {
        write(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    private void write(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void write(char ascii) {
        room(1);
        buffer[length++] = (byte) ascii;
    }

    private void room(int more) {
        if (buffer.length - length < more) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, length + more));
        }
    }
}
