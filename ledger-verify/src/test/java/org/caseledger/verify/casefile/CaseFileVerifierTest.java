package org.caseledger.verify.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.caseledger.verify.casefile.CaseFileReport.Status;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.support.TestCaseFile;
import org.caseledger.verify.support.TestLog;
import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.tlog.InMemoryTreeHashes;
import org.caseledger.verify.trust.MalformedPolicyException;
import org.caseledger.verify.trust.TrustPolicy;
import org.caseledger.verify.witness.Cosigner;
import org.junit.jupiter.api.Test;

class CaseFileVerifierTest {

    private final CaseFileVerifier verifier = CaseFileVerifier.withPublicKey(TestCaseFile.publicKey());

    @Test
    void aFileAsTheLedgerExportsItIsIntactAndNamesTheFingerprintOfTheKeyItReliedOn() {
        CaseFileReport report = verifier.verify(TestCaseFile.sealed().bytes());

        assertThat(report.status()).as(report.describe()).isEqualTo(Status.INTACT);
        assertThat(report.exitCode()).isZero();
        assertThat(report.events()).isEqualTo(3);
        assertThat(report.describe()).startsWith("INTACT: case " + TestCaseFile.CASE_ID + ", 3 events")
                .contains("sha256:" + TestCaseFile.LOG.verifierKey().fingerprint())
                .contains("at tree size 8");
    }

    @Test
    void eventsNewerThanTheCheckpointAreUnsealedAndASealedEventAfterThemIsBroken() {
        CaseFileReport unsealed = verifier.verify(TestCaseFile.sealed().events(e -> {
            e.set(2, e.get(2).unsealed());
            return e;
        }).bytes());
        CaseFileReport sealedAfterUnsealed = verifier.verify(TestCaseFile.sealed().events(e -> {
            e.set(1, e.get(1).unsealed());
            return e;
        }).bytes());

        assertThat(unsealed.status()).as(unsealed.describe()).isEqualTo(Status.UNSEALED);
        assertThat(unsealed.exitCode()).isEqualTo(1);
        assertThat(sealedAfterUnsealed.status()).isEqualTo(Status.BROKEN);
        assertThat(sealedAfterUnsealed.problems().get(0).sequenceNumber()).isEqualTo(2);
    }

    @Test
    void aBrokenLinkSignedWithTheRealKeyIsFoundAndLocated() {
        CaseFileReport report = verifier.verify(TestCaseFile.sealed().events(e -> {
            e.set(1, e.get(1).withPreviousHashAndHash("11".repeat(32)));
            return e;
        }).bytes());

        assertThat(report.status()).isEqualTo(Status.BROKEN);
        assertThat(report.problems().get(0)).isEqualTo(new CaseFileReport.Problem("CHAIN_BROKEN", 1L, 5L,
                "the event does not link to the event before it in the file"));
        assertThat(report.describe()).contains("CHAIN_BROKEN in case " + TestCaseFile.CASE_ID + " at event 1 (global index 5)");
    }

    @Test
    void anEventWhoseFieldsNoLongerGiveItsHashIsFound() {
        CaseFileReport report = verifier.verify(TestCaseFile.sealed().events(e -> {
            TestCaseFile.Event first = e.get(0);
            e.set(0, new TestCaseFile.Event(first.globalIndex(), first.aggregateId(), 0, "another-event-id", first.payloadType(),
                    first.payloadRevision(), first.payload(), first.envelopeDigest(), first.payloadDigest(), first.previousHash(),
                    first.hash(), first.leafIndex(), first.inclusionProof()));
            return e;
        }).bytes());

        assertThat(report.status()).isEqualTo(Status.BROKEN);
        assertThat(report.problems().get(0).kind()).isEqualTo("EVENT_CHANGED");
        assertThat(report.problems().get(0).sequenceNumber()).isZero();
    }

    @Test
    void aPayloadThatIsNotTheOneDigestedIsFoundThoughItsEnvelopeIsTheSame() {
        CaseFileReport report = verifier.verify(TestCaseFile.sealed().events(e -> {
            TestCaseFile.Event first = e.get(0);
            String payload = new String(Base64.getDecoder().decode(first.payload()), StandardCharsets.UTF_8).replace("nummer 0", "nummer 9");
            e.set(0, new TestCaseFile.Event(first.globalIndex(), first.aggregateId(), 0, first.eventId(), first.payloadType(),
                    first.payloadRevision(), Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
                    first.envelopeDigest(), first.payloadDigest(), first.previousHash(), first.hash(), first.leafIndex(), first.inclusionProof()));
            return e;
        }).bytes());

        assertThat(report.status()).isEqualTo(Status.BROKEN);
        assertThat(report.problems().get(0).kind()).isEqualTo("PAYLOAD_CHANGED");
    }

    @Test
    void anEnvelopeThatIsNotTheOneDigestedIsFound() {
        TestCaseFile file = TestCaseFile.sealed();
        TestCaseFile.Event first = file.events.get(0);
        file.events.set(0, new TestCaseFile.Event(first.globalIndex(), first.aggregateId(), 0, first.eventId(), first.payloadType(),
                first.payloadRevision(), first.payload(), "22".repeat(32), first.payloadDigest(), first.previousHash(), first.hash(),
                first.leafIndex(), first.inclusionProof()).withPreviousHashAndHash(first.previousHash()));

        CaseFileReport report = verifier.verify(file.bytes());

        assertThat(report.status()).isEqualTo(Status.BROKEN);
        assertThat(report.problems().get(0).kind()).isEqualTo("ENVELOPE_CHANGED");
    }

    @Test
    void aFileInAnyByteFormButItsOneIsBrokenThoughItsSignatureHolds() {
        String file = new String(TestCaseFile.sealed().bytes(), StandardCharsets.UTF_8);
        List<String> otherForms = List.of(" " + file, file + "\n", file.replace("{\"format\":", "{ \"format\":"),
                reordered(file),
                file.replace("/", "\\/"));
        for (String form : otherForms) {
            CaseFileReport report = verifier.verify(form.getBytes(StandardCharsets.UTF_8));
            assertThat(report.status()).as(form.substring(0, 30)).isEqualTo(Status.BROKEN);
        }
    }

    private static String reordered(String file) {
        String keyId = file.substring(file.indexOf("\"keyId\":"), file.indexOf(",\"body\""));
        return file.replace("," + keyId, "").replaceFirst("\\}$", "," + keyId + "}");
    }

    @Test
    void aFileForARecipientCarriesItsKeysLawAndPersonsSignedAndOneWithoutAllOfThemOrOfAnotherShapeIsBroken() {
        TestCaseFile file = TestCaseFile.sealed();
        String body = file.body();
        String recipient = ",\"recipient\":{\"name\":\"IVO\",\"dataKeys\":[]}";
        String law = ",\"law\":{\"legalBases\":[]}";
        String persons = ",\"persons\":[]";

        assertThat(verifier.verify(file.signed(body.substring(0, body.length() - 1) + recipient + law + persons + "}")).status())
                .isEqualTo(Status.INTACT);
        for (String added : List.of(recipient, law, recipient + law, ",\"recipient\":\"IVO\",\"law\":{}" + persons,
                recipient + law + ",\"persons\":{}", recipient + law + persons + ",\"extra\":{}")) {
            CaseFileReport report = verifier.verify(file.signed(body.substring(0, body.length() - 1) + added + "}"));
            assertThat(report.status()).as(added).isEqualTo(Status.BROKEN);
            assertThat(report.problems().get(0).kind()).isEqualTo("FILE_MALFORMED");
        }
    }

    @Test
    void aPersonsStreamInAFileForARecipientIsVerifiedAsTheCasesOwnAndAnEventOfAnotherStreamIsFound() {
        TestCaseFile file = TestCaseFile.sealed();
        String body = file.body();
        String events = "[" + String.join(",", file.events.stream().map(TestCaseFile.Event::json).toList()) + "]";
        String recipientAndLaw = ",\"recipient\":{},\"law\":{}";

        CaseFileReport own = verifier.verify(file.signed(body.substring(0, body.length() - 1) + recipientAndLaw
                + ",\"persons\":[{\"personId\":\"" + TestCaseFile.CASE_ID + "\",\"events\":" + events + "}]}"));
        CaseFileReport another = verifier.verify(file.signed(body.substring(0, body.length() - 1) + recipientAndLaw
                + ",\"persons\":[{\"personId\":\"0e3c9a56-1111-4a3e-9d55-0c1e2a7b9f10\",\"events\":" + events + "}]}"));

        assertThat(own.status()).as(own.describe()).isEqualTo(Status.INTACT);
        assertThat(own.events()).isEqualTo(2 * file.events.size());
        assertThat(another.status()).isEqualTo(Status.BROKEN);
        assertThat(another.problems().get(0).kind()).isEqualTo("EVENT_OF_ANOTHER_CASE");
    }

    @Test
    void aMissingEventIsFoundEvenWhenTheRestIsSignedWithTheRealKey() {
        CaseFileReport report = verifier.verify(TestCaseFile.sealed().events(e -> {
            e.remove(1);
            return e;
        }).bytes());

        assertThat(report.status()).isEqualTo(Status.BROKEN);
        assertThat(report.problems().get(0).kind()).isEqualTo("EVENT_MISSING");
        assertThat(report.problems().get(0).sequenceNumber()).isEqualTo(1);
    }

    @Test
    void aBrokenInclusionProofIsFound() {
        CaseFileReport report = verifier.verify(TestCaseFile.sealed().events(e -> {
            List<String> proof = new ArrayList<>(e.get(0).inclusionProof());
            proof.set(0, Hash.of(new byte[32]).base64());
            e.set(0, e.get(0).withProof(proof));
            return e;
        }).bytes());

        assertThat(report.status()).isEqualTo(Status.BROKEN);
        assertThat(report.problems().get(0).kind()).isEqualTo("INCLUSION_PROOF_INVALID");
        assertThat(report.problems().get(0).globalIndex()).isEqualTo(2);
    }

    @Test
    void aFileSignedWithAnotherKeyIsBrokenAndNamesTheKeyItWasGiven() {
        TestCaseFile file = TestCaseFile.sealed();
        file.fileKey = SignerKey.fromSeed(TestCaseFile.ORIGIN, SignatureType.ED25519, TestLog.seed(9));

        CaseFileReport report = verifier.verify(file.bytes());

        assertThat(report.status()).isEqualTo(Status.BROKEN);
        assertThat(report.problems().get(0).kind()).isEqualTo("WRONG_KEY");
        assertThat(report.describe()).contains("sha256:" + TestCaseFile.LOG.verifierKey().fingerprint());
    }

    @Test
    void aCheckpointNotSignedByTheLogKeyIsBroken() {
        TestCaseFile file = TestCaseFile.sealed();
        SignerKey impostor = SignerKey.fromSeed(TestCaseFile.ORIGIN, SignatureType.ED25519, TestLog.seed(9));
        file.checkpoint = TestCaseFile.note(TestCaseFile.TREE_SIZE, InMemoryTreeHashes.ofLeaves(file.leaves), impostor);

        CaseFileReport report = verifier.verify(file.bytes());

        assertThat(report.status()).isEqualTo(Status.BROKEN);
        assertThat(report.problems().get(0).kind()).isEqualTo("CHECKPOINT_INVALID");
    }

    @Test
    void aConsistencyProofThatDoesNotHoldIsBrokenAndOneThatHoldsIsReported() {
        CaseFileReport holds = verifier.verify(TestCaseFile.sealed().since(5).bytes());
        TestCaseFile wrong = TestCaseFile.sealed().since(5);
        wrong.since = wrong.since.replaceFirst("\"consistencyProof\":\\[\"[^\"]+\"", "\"consistencyProof\":[\"" + Hash.of(new byte[32]).base64() + "\"");

        CaseFileReport broken = verifier.verify(wrong.bytes());

        assertThat(holds.status()).as(holds.describe()).isEqualTo(Status.INTACT);
        assertThat(holds.describe()).contains("extends the checkpoint of size 5");
        assertThat(broken.status()).isEqualTo(Status.BROKEN);
        assertThat(broken.problems().get(0).kind()).isEqualTo("CONSISTENCY_PROOF_INVALID");
    }

    @Test
    void aTrustedCheckpointMustBeEqualOrProvedExtended() {
        TestCaseFile file = TestCaseFile.sealed();
        InMemoryTreeHashes tree = InMemoryTreeHashes.ofLeaves(file.leaves);
        byte[] same = TestCaseFile.note(8, tree, TestCaseFile.LOG).getBytes(StandardCharsets.UTF_8);
        byte[] earlier = TestCaseFile.note(5, tree, TestCaseFile.LOG).getBytes(StandardCharsets.UTF_8);
        List<byte[]> forkedLeaves = new ArrayList<>(file.leaves);
        forkedLeaves.set(0, new byte[32]);
        byte[] fork = TestCaseFile.note(5, InMemoryTreeHashes.ofLeaves(forkedLeaves), TestCaseFile.LOG).getBytes(StandardCharsets.UTF_8);
        byte[] newer = TestCaseFile.note(3, tree, TestCaseFile.LOG).getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.verify(file.bytes(), same).status()).isEqualTo(Status.INTACT);
        assertThat(verifier.verify(file.since(5).bytes(), earlier).describe()).startsWith("INTACT")
                .contains("extends the trusted checkpoint of size 5");
        assertThat(verifier.verify(TestCaseFile.sealed().bytes(), earlier).problems().get(0).kind()).isEqualTo("TRUSTED_CHECKPOINT_NOT_EXTENDED");
        assertThat(verifier.verify(TestCaseFile.sealed().since(5).bytes(), fork).problems().get(0).kind()).isEqualTo("TRUSTED_CHECKPOINT_NOT_EXTENDED");
        assertThat(verifier.verify(TestCaseFile.sealed().since(5).bytes(), newer).status()).isEqualTo(Status.BROKEN);
        assertThat(verifier.verify(TestCaseFile.sealed().bytes(), "not a note".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(Status.BROKEN);
    }

    @Test
    void underAPolicyTheWitnessesMustMeetTheQuorumAndTheirFingerprintsArePrinted() throws MalformedPolicyException {
        Cosigner witness = new Cosigner(SignerKey.fromSeed("witness.example.org/w1", SignatureType.COSIGNATURE_V1, TestLog.seed(3)),
                Clock.fixed(Instant.parse("2026-03-03T10:00:00Z"), ZoneOffset.UTC));
        TrustPolicy policy = TrustPolicy.parse(("log " + TestCaseFile.LOG.verifierKey().format() + "\nwitness w1 "
                + witness.verifierKey().format() + "\nquorum w1\n").getBytes(StandardCharsets.UTF_8));
        CaseFileVerifier underPolicy = CaseFileVerifier.withPolicy(policy);
        TestCaseFile cosigned = TestCaseFile.sealed();
        cosigned.checkpoint = TestCaseFile.note(8, InMemoryTreeHashes.ofLeaves(cosigned.leaves), TestCaseFile.LOG, witness);

        CaseFileReport accepted = underPolicy.verify(cosigned.bytes());
        CaseFileReport notCosigned = underPolicy.verify(TestCaseFile.sealed().bytes());

        assertThat(accepted.status()).as(accepted.describe()).isEqualTo(Status.INTACT);
        assertThat(accepted.describe()).contains("sha256:" + witness.verifierKey().fingerprint(), "quorum w1 met");
        assertThat(notCosigned.status()).isEqualTo(Status.BROKEN);
        assertThat(notCosigned.problems().get(0).kind()).isEqualTo("CHECKPOINT_NOT_TRUSTED");
    }

    @Test
    void craftedFilesNeverThrowAndAreNeverIntact() {
        TestCaseFile sealed = TestCaseFile.sealed();
        String body = sealed.body();
        String file = new String(sealed.bytes(), StandardCharsets.UTF_8);
        List<byte[]> crafted = new ArrayList<>(List.of(
                file.substring(0, file.length() - 1).getBytes(StandardCharsets.UTF_8),
                file.substring(0, file.length() / 2).getBytes(StandardCharsets.UTF_8),
                (file + " ").getBytes(StandardCharsets.UTF_8),
                (file + "{}").getBytes(StandardCharsets.UTF_8),
                new byte[0], "{}".getBytes(StandardCharsets.UTF_8), "null".getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', (byte) 0xC0, (byte) 0x80, '"', ':', '1', '}'},
                ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8),
                ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8),
                file.replace("\"format\":", "\"format\":\"x\",\"format\":").getBytes(StandardCharsets.UTF_8),
                sealed.signed(body.replace("\"globalIndex\":2", "\"globalIndex\":99999999999999999999999")),
                sealed.signed(body.replace("\"globalIndex\":2", "\"globalIndex\":2.0")),
                sealed.signed(body.replace("\"globalIndex\":2", "\"globalIndex\":-2")),
                sealed.signed(body.replace("\"caseId\":", "\"caseId\":\"x\",\"caseId\":")),
                sealed.signed(body.replace("\"exportedAt\":", "\"exportedAt\":\"x\",\"exportedAt\":")),
                sealed.signed(body.replace("\"events\":[", "\"events\":[" + "[".repeat(10_000) + "]".repeat(10_000) + ",")),
                sealed.signed(body.replace("\"exportedAt\":\"", "\"exportedAt\":\"\\ud800")),
                sealed.signed(body.replace("\"exportedAt\":\"", "\"exportedAt\":\"\\x")),
                sealed.signed(body.substring(0, body.length() - 1)),
                sealed.signed(body + "x"),
                sealed.signed(body.replace("\"since\":null,", "")),
                sealed.signed(body.replace("\"since\":null", "\"since\":null,\"extra\":1")),
                sealed.signed(body.replace("\"checkpoint\":\"", "\"checkpoint\":\"x")),
                sealed.signed(body.replace("\"leafIndex\":1,", "\"leafIndex\":9223372036854775807,")),
                sealed.signed(body.replace("\"leafIndex\":1,", "\"leafIndex\":null,")),
                sealed.signed(body.replaceFirst("\"payload\":\"ey", "\"payload\":\"ex")),
                sealed.signed(body.replaceFirst("\"aggregateId\":\"5b", "\"aggregateId\":\"6b")),
                sealed.signed(body.replace("\"events\":[", "\"events\":[],\"x\":[")),
                sealed.signed("{\"caseId\":1}"),
                sealed.signed("")));
        for (int i = 0; i < crafted.size(); i++) {
            CaseFileReport report = verifier.verify(crafted.get(i));
            assertThat(report.status()).as("crafted file %d: %s", i, report.describe()).isEqualTo(Status.BROKEN);
            assertThat(report.problems()).as("crafted file %d", i).isNotEmpty();
            assertThat(report.problems().get(0).detail()).isNotBlank();
        }
    }

    @Test
    void everySingleByteEditIsFound() {
        byte[] file = TestCaseFile.sealed().since(5).bytes();
        List<String> undetected = new ArrayList<>();
        for (int position = 0; position < file.length; position++) {
            for (int flip : new int[] {0x01, 0x20, 0x80}) {
                byte[] edited = file.clone();
                edited[position] ^= (byte) flip;
                CaseFileReport report = verifier.verify(edited);
                if (report.status() != Status.BROKEN) {
                    undetected.add(position + "^" + flip + ": " + report.status());
                }
            }
        }
        assertThat(undetected).isEmpty();
    }
}
