package org.caseledger.verify.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.caseledger.verify.support.Vectors;
import org.caseledger.verify.witness.WitnessAnswer.Refusal;
import org.junit.jupiter.api.Test;

/** How the log's client reads what a witness answers, and refuses what does not follow the protocol. */
class WitnessClientTest {

    @Test
    void theSpecificationsExampleResponseIsThreeCosignatures() throws IOException {
        WitnessAnswer answer = WitnessClient.answer(200, Optional.of("text/plain"), Vectors.bytes("c2sp/tlog-witness-example.response"));

        assertThat(answer).isInstanceOfSatisfying(WitnessAnswer.Cosigned.class, cosigned -> assertThat(cosigned.cosignatures())
                .extracting(signature -> signature.keyName()).containsExactly("witness.example/w1", "witness.example/w1", "witness.example/w2"));
    }

    @Test
    void aConflictCarriesTheWitnessSize() throws IOException {
        assertThat(WitnessClient.answer(409, Optional.of("text/x.tlog.size"), "20852014\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(new WitnessAnswer.Conflict(20852014));
    }

    @Test
    void refusalsKeepTheirKindAndMessage() throws IOException {
        assertThat(WitnessClient.answer(422, Optional.empty(), "no\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new WitnessAnswer.Refused(Refusal.NOT_CONSISTENT, "no"));
        assertThat(WitnessClient.answer(404, Optional.empty(), new byte[0]))
                .isEqualTo(new WitnessAnswer.Refused(Refusal.UNKNOWN_LOG, ""));
    }

    @Test
    void answersOutsideTheProtocolAreErrors() {
        assertThatThrownBy(() -> WitnessClient.answer(200, Optional.empty(), "ok\n".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WitnessClient.answer(200, Optional.empty(), new byte[0])).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WitnessClient.answer(409, Optional.of("text/plain"), "5\n".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WitnessClient.answer(409, Optional.of("text/x.tlog.size"), "05\n".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WitnessClient.answer(409, Optional.of("text/x.tlog.size"), "5".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WitnessClient.answer(500, Optional.empty(), new byte[0])).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WitnessClient.answer(200, Optional.empty(), new byte[] {(byte) 0xff})).isInstanceOf(IOException.class);
    }
}
