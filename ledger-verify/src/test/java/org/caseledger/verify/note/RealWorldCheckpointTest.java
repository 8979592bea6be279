package org.caseledger.verify.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caseledger.verify.support.Vectors;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint of a real log (the staging CT log arche2025h1 of transparency.dev), as florolf/tlog-scales keeps it in
 * its tests: signed by the log under two signature types and cosigned by four public witnesses.
 */
class RealWorldCheckpointTest {

    private final NoteVerifiers log = new NoteVerifiers(List.of(
            new Ed25519NoteVerifier(VerifierKey.parse(Vectors.line("real-world/arche2025h1.vkey")).orElseThrow())));

    @Test
    void theLogsEd25519SignatureHoldsAndTheOtherTypesAndTheWitnessesAreIgnored() throws Exception {
        VerifiedNote note = log.open(Vectors.bytes("real-world/arche2025h1-cosigned.checkpoint"));

        assertThat(note.verified()).hasSize(1);
        assertThat(note.unknown()).hasSize(5);
        assertThat(note.text()).startsWith("arche2025h1.staging.ct.transparency.dev\n1432088532\n");
    }

    @Test
    void anotherSizeUnderTheSameSignaturesIsRefused() {
        String clobbered = Vectors.text("real-world/arche2025h1-cosigned.checkpoint").replace("\n1432088532\n", "\n42\n");

        assertThatThrownBy(() -> log.open(clobbered.getBytes(StandardCharsets.UTF_8))).isInstanceOf(NoteVerificationException.class);
    }
}
