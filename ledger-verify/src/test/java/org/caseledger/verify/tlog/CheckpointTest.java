package org.caseledger.verify.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.caseledger.verify.support.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The checkpoint body of c2sp.org/tlog-checkpoint, read strictly and written in its one form. */
class CheckpointTest {

    static Stream<String[]> cases() {
        return Vectors.dataLines("checkpoint-cases.txt").stream().map(line -> line.split(" \\| ", 3));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void eachCaseIsReadOrRefusedAsItsVectorSays(String verdict, String description, String escaped) throws Exception {
        String text = escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");

        if (verdict.equals("valid")) {
            Checkpoint checkpoint = Checkpoint.parse(text);
            assertThat(checkpoint.format()).isEqualTo(text);
        } else {
            assertThatThrownBy(() -> Checkpoint.parse(text)).as(description).isInstanceOf(MalformedCheckpointException.class);
        }
    }

    @Test
    void theC2spExampleReadsAsItsOriginSizeAndRoot() throws Exception {
        Checkpoint checkpoint = Checkpoint.parse("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163L);
        assertThat(checkpoint.rootHash().base64()).isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        assertThat(checkpoint.extensionLines()).isEmpty();
    }

    @Test
    void extensionLinesAreKeptAndWrittenBack() throws Exception {
        Checkpoint checkpoint = new Checkpoint("ledger.example/log", 5, Merkle.EMPTY_ROOT, List.of("Timestamp: 1", "a b c"));

        assertThat(Checkpoint.parse(checkpoint.format())).isEqualTo(checkpoint);
        assertThat(checkpoint.format()).endsWith("\nTimestamp: 1\na b c\n");
    }

    @Test
    void aCheckpointThatCouldNotBeReadBackCannotBeMade() {
        assertThatThrownBy(() -> new Checkpoint("", 1, Merkle.EMPTY_ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, Merkle.EMPTY_ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("log", -1, Merkle.EMPTY_ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("log", 1, Merkle.EMPTY_ROOT, List.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("log\u0000", 1, Merkle.EMPTY_ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("log\ud800", 1, Merkle.EMPTY_ROOT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVeryLongTextIsRefusedBeforeItIsRead() {
        String longOrigin = "o".repeat(Checkpoint.MAX_TEXT_LENGTH);

        assertThatThrownBy(() -> Checkpoint.parse(longOrigin + "\n1\n" + Merkle.EMPTY_ROOT.base64() + "\n"))
                .isInstanceOf(MalformedCheckpointException.class);
    }

    @Test
    void randomlyDamagedCheckpointsAreReadOrRefusedButNeverCrashTheParser() {
        Random random = new Random(1);
        String valid = new Checkpoint("ledger.example/log", 1234, Merkle.EMPTY_ROOT, List.of("ext")).format();
        String alphabet = "\n\r\t 0123456789+/=-ab\u2014\u00e5\ud83d\ude00";
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder(valid);
            for (int edits = 1 + random.nextInt(4); edits > 0 && text.length() > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.delete(Math.min(at, text.length() - 1), Math.min(at + 1 + random.nextInt(3), text.length()));
                    default -> text.setLength(Math.min(at, text.length()));
                }
            }
            Throwable thrown = catchThrowable(() -> Checkpoint.parse(text.toString()));
            assertThat(thrown).as(text.toString()).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(MalformedCheckpointException.class));
        }
    }
}
