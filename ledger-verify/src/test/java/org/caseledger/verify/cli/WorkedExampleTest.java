package org.caseledger.verify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.support.Vectors;
import org.caseledger.verify.witness.AddCheckpointRequest;
import org.caseledger.verify.witness.CosignatureV1;
import org.caseledger.verify.witness.Cosigner;
import org.caseledger.verify.witness.Witness;
import org.caseledger.verify.witness.WitnessAnswer;
import org.caseledger.verify.witness.WitnessState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes the worked example of docs/transparency-log.md from the litewitness vectors (a Sigsum log's real signed
 * checkpoints and proofs, litewitness's witness key) at a fixed time, and checks it against the copy the document
 * quotes ({@code vectors/worked-example.txt}): if the code's output drifts, this fails. A fresh copy is written to
 * {@code target/worked-example.txt}.
 */
class WorkedExampleTest {

    private static final Instant TIME = Instant.parse("2026-03-02T08:20:00Z");

    @TempDir
    Path directory;

    @Test
    void theWorkedExampleOfTheDocumentIsWhatTheCodeProduces() throws Exception {
        String origin = Vectors.value("litewitness/keys.txt", "log-origin");
        VerifierKey logKey = VerifierKey.of(origin, SignatureType.ED25519, HexFormat.of().parseHex(Vectors.value("litewitness/keys.txt", "log-public-key")));
        SignerKey witnessKey = SignerKey.fromSeed(Vectors.value("litewitness/keys.txt", "witness-name"), SignatureType.COSIGNATURE_V1,
                HexFormat.of().parseHex(Vectors.value("litewitness/keys.txt", "witness-seed")));
        Cosigner cosigner = new Cosigner(witnessKey, Clock.fixed(TIME, ZoneOffset.UTC));
        StringBuilder example = new StringBuilder("# Made by WorkedExampleTest from the litewitness vectors (README.md); docs/transparency-log.md quotes it.\n");

        section(example, "the log's vkey (its Ed25519 public key, named as its origin)", logKey.format() + "\n");
        section(example, "the witness's signer key (keep secret) and its vkey", witnessKey.format() + "\n" + witnessKey.verifierKey().format() + "\n");

        try (WitnessState state = WitnessState.open(directory.resolve("state"))) {
            Witness witness = new Witness(cosigner, List.of(logKey), state);
            byte[] first = Vectors.bytes("litewitness/01-old0-size1.request");
            section(example, "request 1: POST /add-checkpoint, from size 0 to 1", text(first));
            section(example, "answer 1", answer(witness.addCheckpoint(first)));

            byte[] wrong = Vectors.bytes("litewitness/05-old1-size3-wrong-proof.request");
            section(example, "request 2: from size 1 to 3, with one bit of the consistency proof changed", text(wrong));
            section(example, "answer 2", answer(witness.addCheckpoint(wrong)));

            byte[] third = Vectors.bytes("litewitness/06-old1-size3.request");
            AddCheckpointRequest request = AddCheckpointRequest.parse(third);
            section(example, "request 3: from size 1 to 3, with the right proof", text(third));
            WitnessAnswer cosigned = witness.addCheckpoint(third);
            section(example, "answer 3", answer(cosigned));
            long timestamp = CosignatureV1.timestamp(((WitnessAnswer.Cosigned) cosigned).cosignatures().get(0)).orElseThrow();
            section(example, "the message the witness signed for answer 3",
                    text(CosignatureV1.signedMessage(timestamp, request.note().textBytes())));
            section(example, "request 3 sent again: the witness is at size 3 now", answer(witness.addCheckpoint(third)));

            Note witnessed = request.note().withSignatures(((WitnessAnswer.Cosigned) cosigned).cosignatures());
            section(example, "the cosigned checkpoint", witnessed.toString());
            String policy = "# the log of the example and its one witness\nlog " + logKey.format() + "\n"
                    + "witness litewitness " + witnessKey.verifierKey().format() + "\nquorum litewitness\n";
            section(example, "a trust policy", policy);
            Path note = Files.writeString(directory.resolve("checkpoint"), witnessed.toString());
            Path policyFile = Files.writeString(directory.resolve("policy"), policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = Main.run(new String[] {"checkpoint", note.toString(), "--policy", policyFile.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            section(example, "java -jar ledger-verify.jar checkpoint checkpoint --policy policy (exit " + exit + ")", out.toString(StandardCharsets.UTF_8));
        }

        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "worked-example.txt"), example);
        assertThat(example.toString()).isEqualTo(Vectors.text("worked-example.txt"));
    }

    private static void section(StringBuilder example, String title, String body) {
        example.append("\n== ").append(title).append('\n').append(body);
    }

    private static String answer(WitnessAnswer answer) {
        return "HTTP " + answer.httpStatus() + ", Content-Type: " + answer.contentType() + "\n" + text(answer.body());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

}
