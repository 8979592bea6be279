package org.caseledger.verify.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.NoteSignature;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.primitives.Sha256;
import org.caseledger.verify.support.TestLog;
import org.caseledger.verify.support.Vectors;
import org.caseledger.verify.trust.CheckpointVerdict.Accepted;
import org.caseledger.verify.trust.CheckpointVerdict.Refused;
import org.caseledger.verify.witness.Cosigner;
import org.junit.jupiter.api.Test;

/** An auditor's check of a cosigned checkpoint: the log's signature and k of n listed witnesses. */
class CheckpointVerifierTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:20:00Z"), ZoneOffset.UTC);

    private final TestLog log = TestLog.of(9);
    private final List<Cosigner> witnesses = List.of(cosigner(1), cosigner(2), cosigner(3), cosigner(4));
    private final CheckpointVerifier twoOfThree = new CheckpointVerifier(policy("log " + log.verifierKey().format() + "\n"
            + "witness supervisor " + witnesses.get(0).verifierKey().format() + "\n"
            + "witness auditors " + witnesses.get(1).verifierKey().format() + "\n"
            + "witness archive " + witnesses.get(2).verifierKey().format() + "\n"
            + "group outside 2 supervisor auditors archive\nquorum outside\n"));

    @Test
    void givenTheLogsSignatureAndTwoOfThreeWitnessesThenTheCheckpointIsAcceptedAndEveryKeyReliedOnIsNamed() {
        CheckpointVerdict verdict = twoOfThree.verify(cosigned(witnesses.get(0), witnesses.get(2)));

        assertThat(verdict).isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(accepted.checkpoint().size()).isEqualTo(9);
            assertThat(accepted.logKey().fingerprint()).isEqualTo(Sha256.hex(Sha256.of(log.verifierKey().publicKey())));
            assertThat(accepted.cosignatures()).extracting(CheckpointVerdict.WitnessCosignature::witness).containsExactly("supervisor", "archive");
            assertThat(accepted.cosignatures()).allSatisfy(c -> assertThat(c.cosignedAt()).isEqualTo(CLOCK.instant()));
            assertThat(accepted.cosignatures().get(1).key().fingerprint())
                    .isEqualTo(Sha256.hex(Sha256.of(witnesses.get(2).verifierKey().publicKey())));
        });
    }

    @Test
    void givenOnlyOneListedWitnessThenTheQuorumIsNotMet() {
        CheckpointVerdict verdict = twoOfThree.verify(cosigned(witnesses.get(1), witnesses.get(3)));

        assertThat(verdict).isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason()).contains("quorum", "auditors"));
    }

    @Test
    void theSameWitnessCosigningTwiceCountsOnce() {
        Note checkpoint = log.signed(9);
        NoteSignature first = witnesses.get(0).cosign(log.checkpoint(9));
        NoteSignature again = new Cosigner(witnessKey(1), Clock.offset(CLOCK, java.time.Duration.ofSeconds(1))).cosign(log.checkpoint(9));
        byte[] note = checkpoint.withSignatures(List.of(first, again)).toBytes();

        assertThat(twoOfThree.verify(note)).isInstanceOf(Refused.class);
    }

    @Test
    void aListedWitnessWhoseCosignatureDoesNotHoldRefusesTheCheckpoint() {
        Note checkpoint = log.signed(9);
        NoteSignature good = witnesses.get(0).cosign(log.checkpoint(9));
        NoteSignature other = witnesses.get(1).cosign(log.checkpoint(9));
        NoteSignature third = witnesses.get(2).cosign(log.checkpoint(9));
        byte[] broken = other.signature();
        broken[40] ^= 1;
        byte[] note = checkpoint.withSignatures(List.of(good, new NoteSignature(other.keyName(), other.keyId(), broken), third)).toBytes();

        assertThat(twoOfThree.verify(note)).isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason()).contains("does not hold"));
    }

    @Test
    void withoutTheLogsSignatureNoNumberOfWitnessesIsEnough() {
        Note unsignedByLog = Note.of(log.checkpoint(9).format(), witnesses.subList(0, 3).stream().map(w -> w.cosign(log.checkpoint(9))).toList());
        Note signedByImpostor = log.impostor().signed(9).withSignatures(unsignedByLog.signatures());

        assertThat(twoOfThree.verify(unsignedByLog.toBytes())).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).contains("no signature of the log"));
        assertThat(twoOfThree.verify(signedByImpostor.toBytes())).isInstanceOf(Refused.class);
    }

    @Test
    void aCheckpointOfAnotherOriginIsRefused() {
        CheckpointVerifier otherLog = new CheckpointVerifier(policy("log " + SignerKey.fromSeed("other.example/log", SignatureType.ED25519,
                TestLog.seed(1)).verifierKey().format() + "\nquorum none\n"));

        assertThat(otherLog.verify(cosigned(witnesses.get(0)))).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).contains("no log of origin"));
    }

    @Test
    void malformedInputIsRefusedNotThrown() {
        assertThat(twoOfThree.verify("garbage".getBytes(StandardCharsets.UTF_8))).isInstanceOf(Refused.class);
        assertThat(twoOfThree.verify(new byte[] {(byte) 0xff, '\n', '\n'})).isInstanceOf(Refused.class);
        assertThat(twoOfThree.verify(Note.sign("not\na checkpoint\n", List.of(new org.caseledger.verify.note.Ed25519NoteSigner(log.signerKey()))).toBytes()))
                .isInstanceOf(Refused.class);
    }

    @Test
    void theRealCheckpointIsAcceptedUnderAPolicyOfItsLogAndThePublicWitnessRemora() {
        CheckpointVerifier verifier = new CheckpointVerifier(policy("log " + Vectors.line("real-world/arche2025h1.vkey") + "\n"
                + "witness remora " + Vectors.line("real-world/remora.vkey") + "\nquorum remora\n"));

        CheckpointVerdict verdict = verifier.verify(Vectors.bytes("real-world/arche2025h1-cosigned.checkpoint"));

        assertThat(verdict).isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(accepted.checkpoint().size()).isEqualTo(1432088532L);
            assertThat(accepted.cosignatures()).singleElement().satisfies(c -> assertThat(c.cosignedAt()).isEqualTo(Instant.ofEpochSecond(0x6a122120L)));
        });
    }

    private byte[] cosigned(Cosigner... cosigners) {
        List<NoteSignature> cosignatures = new ArrayList<>();
        for (Cosigner cosigner : cosigners) {
            cosignatures.add(cosigner.cosign(log.checkpoint(9)));
        }
        return log.signed(9).withSignatures(cosignatures).toBytes();
    }

    private static Cosigner cosigner(int n) {
        return new Cosigner(witnessKey(n), CLOCK);
    }

    private static SignerKey witnessKey(int n) {
        return SignerKey.fromSeed("witness" + n + ".example.se", SignatureType.COSIGNATURE_V1, TestLog.seed(100 + n));
    }

    private static TrustPolicy policy(String text) {
        try {
            return TrustPolicy.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedPolicyException e) {
            throw new AssertionError(e);
        }
    }
}
