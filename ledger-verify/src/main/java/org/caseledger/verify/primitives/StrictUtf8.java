package org.caseledger.verify.primitives;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** UTF-8 that refuses what is not UTF-8 (stray bytes, overlong forms, encoded surrogates) instead of replacing it. */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * The UTF-8 bytes of a text, refusing a Java string that is no Unicode text (an unpaired surrogate), which
     * {@link String#getBytes} would silently turn into a question mark.
     */
    public static byte[] encode(String text) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not Unicode text: an unpaired surrogate", e);
        }
    }

    /** True when the text has no ASCII control character (below U+0020) other than newline. */
    public static boolean hasOnlyNewlineControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                return false;
            }
        }
        return true;
    }
}
