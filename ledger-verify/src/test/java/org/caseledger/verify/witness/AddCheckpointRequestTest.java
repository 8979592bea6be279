package org.caseledger.verify.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.caseledger.verify.support.TestLog;
import org.caseledger.verify.support.Vectors;
import org.caseledger.verify.tlog.Merkle;
import org.junit.jupiter.api.Test;

/** The add-checkpoint request body of c2sp.org/tlog-witness, read strictly and written in its one form. */
class AddCheckpointRequestTest {

    @Test
    void theSpecificationsExampleReadsAsItsParts() throws Exception {
        byte[] body = Vectors.bytes("c2sp/tlog-witness-example.request");

        AddCheckpointRequest request = AddCheckpointRequest.parse(body);

        assertThat(request.oldSize()).isEqualTo(20852014L);
        assertThat(request.consistencyProof()).hasSize(4);
        assertThat(request.consistencyProof().get(0).base64()).isEqualTo("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=");
        assertThat(request.checkpoint().origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(request.checkpoint().size()).isEqualTo(20852163L);
        assertThat(request.note().signatures()).hasSize(2);
        assertThat(request.toBytes()).isEqualTo(body);
    }

    @Test
    void aRequestFromSizeZeroHasNoProofLines() throws Exception {
        AddCheckpointRequest request = TestLog.of(3).request(0, 3);

        assertThat(new String(request.toBytes(), StandardCharsets.UTF_8)).startsWith("old 0\n\n" + TestLog.ORIGIN + "\n3\n");
        assertThat(AddCheckpointRequest.parse(request.toBytes()).consistencyProof()).isEmpty();
    }

    @Test
    void malformedBodiesAreRefused() {
        String valid = new String(Vectors.bytes("c2sp/tlog-witness-example.request"), StandardCharsets.UTF_8);
        String proofLine = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n";
        List<String> malformed = List.of(
                "",
                "old 1",
                "old 1\n",
                valid.replace("old 20852014", "old 020852014"),
                valid.replace("old 20852014", "old -1"),
                valid.replace("old 20852014", "old  20852014"),
                valid.replace("old 20852014", "OLD 20852014"),
                valid.replace("old 20852014", "old 99999999999999999999"),
                valid.replace("old 20852014\n", "old 20852014\r\n"),
                valid.replace(proofLine, "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw\n"),
                valid.replace(proofLine, "YmFuYW5hcw==\n"),
                valid.replace(proofLine, proofLine.repeat(61)),
                valid.replace("\n\nexample.com", "\nexample.com"),
                valid.replace("20852163\n", ""),
                valid.substring(0, valid.length() - 1),
                valid.replace("old 20852014", "old " + "9".repeat(100_000)));
        for (String body : malformed) {
            assertThatThrownBy(() -> AddCheckpointRequest.parse(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body.length() > 200 ? body.substring(0, 200) : body).isInstanceOf(MalformedRequestException.class);
        }
    }

    @Test
    void sixtyThreeProofLinesAreReadAndSixtyFourAreNot() {
        String valid = new String(Vectors.bytes("c2sp/tlog-witness-example.request"), StandardCharsets.UTF_8);
        String line = Merkle.EMPTY_ROOT.base64() + "\n";
        String head = "old 20852014\n";
        String rest = valid.substring(valid.indexOf("\n\n"));

        assertThat(catchThrowable(() -> AddCheckpointRequest.parse((head + line.repeat(63) + rest.substring(1)).getBytes(StandardCharsets.UTF_8)))).isNull();
        assertThatThrownBy(() -> AddCheckpointRequest.parse((head + line.repeat(64) + rest.substring(1)).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedBeforeItIsRead() {
        byte[] huge = new byte[AddCheckpointRequest.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) 'a');

        assertThatThrownBy(() -> AddCheckpointRequest.parse(huge)).isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void randomlyDamagedBodiesAreReadOrRefusedButNeverCrashTheParser() {
        Random random = new Random(6962);
        byte[] valid = Vectors.bytes("c2sp/tlog-witness-example.request");
        for (int i = 0; i < 5000; i++) {
            byte[] damaged = valid.clone();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                damaged[random.nextInt(damaged.length)] = random.nextBoolean() ? (byte) '\n' : (byte) random.nextInt(256);
            }
            byte[] input = random.nextInt(4) == 0 ? Arrays.copyOf(damaged, random.nextInt(damaged.length)) : damaged;
            Throwable thrown = catchThrowable(() -> AddCheckpointRequest.parse(input));
            assertThat(thrown).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(MalformedRequestException.class));
        }
    }
}
