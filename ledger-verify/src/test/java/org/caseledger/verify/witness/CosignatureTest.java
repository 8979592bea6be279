package org.caseledger.verify.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.NoteSignature;
import org.caseledger.verify.note.NoteVerifiers;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.note.VerifiedNote;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.primitives.Ed25519;
import org.caseledger.verify.support.TestLog;
import org.caseledger.verify.support.Vectors;
import org.caseledger.verify.tlog.Checkpoint;
import org.junit.jupiter.api.Test;

/** cosignature/v1 of c2sp.org/tlog-cosignature, against a public witness's cosignature on a real checkpoint. */
class CosignatureTest {

    private static final Clock AT_1700000000 = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    @Test
    void thePublicWitnessRemoraCosignedTheRealCheckpointAndItsCosignatureHolds() throws Exception {
        CosignatureVerifier remora = new CosignatureVerifier(VerifierKey.parse(Vectors.line("real-world/remora.vkey")).orElseThrow());

        VerifiedNote note = new NoteVerifiers(List.of(remora)).open(Vectors.bytes("real-world/arche2025h1-cosigned.checkpoint"));

        NoteSignature cosignature = note.verified().get(0).signature();
        assertThat(cosignature.keyName()).isEqualTo("remora.n621.de");
        assertThat(CosignatureV1.timestamp(cosignature)).contains(0x6a122120L);
    }

    @Test
    void aCosignatureDoesNotHoldForAnotherCheckpoint() {
        CosignatureVerifier remora = new CosignatureVerifier(VerifierKey.parse(Vectors.line("real-world/remora.vkey")).orElseThrow());
        Note note = parse(Vectors.bytes("real-world/arche2025h1-cosigned.checkpoint"));
        NoteSignature cosignature = note.signatures().stream().filter(s -> s.keyName().equals("remora.n621.de")).findFirst().orElseThrow();
        byte[] otherText = note.text().replace("1432088532", "1432088533").getBytes(StandardCharsets.UTF_8);

        assertThat(remora.verify(note.textBytes(), cosignature.signature())).isTrue();
        assertThat(remora.verify(otherText, cosignature.signature())).isFalse();
    }

    @Test
    void theTimestampFollowsTheKeyIdInBigEndianAsTheSpecificationsExampleShows() {
        Note note = parse(Vectors.bytes("c2sp/tlog-cosignature-example.checkpoint"));

        NoteSignature cosignature = note.signatures().get(1);

        assertThat(CosignatureV1.timestamp(cosignature)).contains(1679315147L);
    }

    @Test
    void theSignedMessageIsTheHeaderTheTimeAndTheWholeBody() {
        byte[] message = CosignatureV1.signedMessage(1679315147L,
                "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo(
                "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void aCosignatureMadeHereHoldsUnderTheCosignersVkeyAndCarriesTheClocksTime() {
        Cosigner cosigner = new Cosigner(SignerKey.fromSeed("witness.example.se/w1", SignatureType.COSIGNATURE_V1, TestLog.seed(7)), AT_1700000000);
        Checkpoint checkpoint = TestLog.of(5).checkpoint(5);

        NoteSignature cosignature = cosigner.cosign(checkpoint);

        CosignatureVerifier verifier = new CosignatureVerifier(cosigner.verifierKey());
        assertThat(verifier.verify(checkpoint.format().getBytes(StandardCharsets.UTF_8), cosignature.signature())).isTrue();
        assertThat(CosignatureV1.timestamp(cosignature)).contains(1_700_000_000L);
        assertThat(cosignature.keyId()).isEqualTo(cosigner.verifierKey().keyId());
    }

    @Test
    void extensionLinesAreCosignedToo() {
        Cosigner cosigner = new Cosigner(SignerKey.fromSeed("witness.example.se/w1", SignatureType.COSIGNATURE_V1, TestLog.seed(7)), AT_1700000000);
        Checkpoint checkpoint = new Checkpoint(TestLog.ORIGIN, 5, TestLog.of(5).tree().root(5), List.of("extension"));
        NoteSignature cosignature = cosigner.cosign(checkpoint);
        CosignatureVerifier verifier = new CosignatureVerifier(cosigner.verifierKey());

        byte[] changed = checkpoint.format().replace("extension", "extensioN").getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.verify(changed, cosignature.signature())).isFalse();
    }

    @Test
    void aNoteKeyCosignsUnderTheCosignatureTypeWithItsOwnKeyId() {
        SignerKey noteKey = SignerKey.parse(Vectors.dataLines("signed-note/transparency-dev-formats.keys").get(0).split(" ")[1]).orElseThrow();

        Cosigner cosigner = new Cosigner(noteKey, AT_1700000000);

        assertThat(cosigner.verifierKey().type()).isEqualTo(SignatureType.COSIGNATURE_V1);
        assertThat(cosigner.keyId()).isNotEqualTo(noteKey.verifierKey().keyId());
        assertThat(cosigner.verifierKey().publicKey()).isEqualTo(noteKey.verifierKey().publicKey());
    }

    @Test
    void aCosignatureOfTheWrongLengthDoesNotHold() {
        Cosigner cosigner = new Cosigner(SignerKey.fromSeed("w", SignatureType.COSIGNATURE_V1, TestLog.seed(7)), AT_1700000000);
        CosignatureVerifier verifier = new CosignatureVerifier(cosigner.verifierKey());
        byte[] text = TestLog.of(1).checkpoint(1).format().getBytes(StandardCharsets.UTF_8);
        byte[] signature = cosigner.sign(text);

        assertThat(verifier.verify(text, signature)).isTrue();
        assertThat(verifier.verify(text, Arrays.copyOf(signature, 71))).isFalse();
        assertThat(verifier.verify(text, Arrays.copyOf(signature, 73))).isFalse();
    }

    @Test
    void aGenuineSignatureOverTimeZeroOrANegativeTimeIsNoCosignature() {
        byte[] seed = TestLog.seed(7);
        CosignatureVerifier verifier = new CosignatureVerifier(SignerKey.fromSeed("w", SignatureType.COSIGNATURE_V1, seed).verifierKey());
        byte[] text = TestLog.of(1).checkpoint(1).format().getBytes(StandardCharsets.UTF_8);

        for (long time : new long[] {0L, -1L, Long.MIN_VALUE}) {
            byte[] signature = ByteBuffer.allocate(CosignatureV1.SIGNATURE_LENGTH).putLong(time)
                    .put(Ed25519.sign(seed, CosignatureV1.signedMessage(time, text))).array();
            assertThat(verifier.verify(text, signature)).as("time %d", time).isFalse();
        }
    }

    private static Note parse(byte[] bytes) {
        try {
            return Note.parse(bytes);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
