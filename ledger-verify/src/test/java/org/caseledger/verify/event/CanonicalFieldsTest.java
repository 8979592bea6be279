package org.caseledger.verify.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.caseledger.verify.primitives.Sha256;
import org.junit.jupiter.api.Test;

/** The canonical form byte for byte, as docs/integrity.md defines it, whichever way the bytes are put together. */
class CanonicalFieldsTest {

    @Test
    void eachLineCountsItsValueInUtf8BytesAndAnAbsentValueIsMarked() {
        byte[] bytes = new CanonicalFields("case-ledger/example/1")
                .field("actor", "åsa.öberg")
                .field("sequence-number", 12_345_678_901L)
                .field("causation-id", null)
                .field("empty", "")
                .bytes();

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("case-ledger/example/1\n"
                + "actor=11:åsa.öberg\n"
                + "sequence-number=11:12345678901\n"
                + "causation-id~\n"
                + "empty=0:\n");
    }

    @Test
    void bytesWrittenAsHexGiveTheFieldOfTheirLowerCaseHexText() {
        byte[] digest = new byte[32];
        for (int i = 0; i < digest.length; i++) {
            digest[i] = (byte) (i * 37 - 128);
        }

        byte[] hex = new CanonicalFields("h").hexField("previous-hash", digest).bytes();

        assertThat(hex).isEqualTo(new CanonicalFields("h").field("previous-hash", HexFormat.of().formatHex(digest)).bytes());
        assertThat(new CanonicalFields("h").hexField("previous-hash", digest).sha256()).isEqualTo(Sha256.of(hex));
        assertThat(new String(hex, StandardCharsets.US_ASCII)).startsWith("h\nprevious-hash=64:80a5caef14395e83").endsWith("\n");
    }

    @Test
    void valuesBeyondTheFirstBufferAreKept() {
        String longValue = "x".repeat(5_000);

        byte[] bytes = new CanonicalFields("h").field("a", longValue).field("b", "y").bytes();

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("h\na=5000:" + longValue + "\nb=1:y\n");
    }
}
