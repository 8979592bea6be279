package org.caseledger.verify.event;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes named fields unambiguously: a header line, then {@code name=<byte length>:<value>\n}, or {@code name~\n} for
 * an absent value. Lengths count UTF-8 bytes, so no value can be mistaken for a separator, whatever it contains.
 */
public final class CanonicalFields {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    public CanonicalFields(String header) {
        write(header + "\n");
    }

    public CanonicalFields field(String name, String value) {
        if (value == null) {
            write(name + "~\n");
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            write(name + "=" + bytes.length + ":");
            out.writeBytes(bytes);
            write("\n");
        }
        return this;
    }

    public CanonicalFields field(String name, long value) {
        return field(name, Long.toString(value));
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
