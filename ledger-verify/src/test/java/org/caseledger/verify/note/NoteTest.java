package org.caseledger.verify.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.caseledger.verify.support.Vectors;
import org.junit.jupiter.api.Test;

/** Signed notes as c2sp.org/signed-note defines them, on the vectors of golang.org/x/mod/sumdb/note and C2SP. */
class NoteTest {

    private static final String TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private static final String PETER_SIG = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_SIG = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private final NoteVerifier peter = verifier("signed-note/peter-neumann.vkey");
    private final NoteVerifier enoch = verifier("signed-note/enoch-root.vkey");

    @Test
    void signingTheGoTextWithTheGoKeyGivesExactlyTheGoNote() {
        SignerKey key = SignerKey.parse(Vectors.line("signed-note/peter-neumann.skey")).orElseThrow();

        Note note = Note.sign(TEXT, List.of(new Ed25519NoteSigner(key)));

        assertThat(note.toString()).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void givenTwoSignaturesWhenOnlyOneKeyIsKnownThenItHoldsAndTheOtherIsIgnored() throws Exception {
        VerifiedNote note = new NoteVerifiers(List.of(peter)).open(Vectors.bytes("signed-note/peter-neumann-enoch-root.note"));

        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.verified()).extracting(v -> v.signature().keyName()).containsExactly("PeterNeumann");
        assertThat(note.unknown()).extracting(NoteSignature::keyName).containsExactly("EnochRoot");
    }

    @Test
    void givenTwoSignaturesWhenBothKeysAreKnownThenBothHold() throws Exception {
        VerifiedNote note = new NoteVerifiers(List.of(peter, enoch)).open(Vectors.bytes("signed-note/peter-neumann-enoch-root.note"));

        assertThat(note.verified()).extracting(v -> v.signature().keyName()).containsExactly("PeterNeumann", "EnochRoot");
        assertThat(note.unknown()).isEmpty();
    }

    @Test
    void aNoteNoKnownKeySignedIsRefused() {
        Throwable thrown = catchThrowable(() -> new NoteVerifiers(List.of()).open(Vectors.bytes("signed-note/peter-neumann-enoch-root.note")));

        assertThat(thrown).isInstanceOf(NoteVerificationException.class);
        assertThat(((NoteVerificationException) thrown).reason()).isEqualTo(NoteVerificationException.Reason.NO_KNOWN_SIGNATURE);
    }

    @Test
    void aSignatureOfAKnownKeyThatDoesNotHoldRefusesTheWholeNote() {
        String forged = TEXT + "\n" + PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);

        Throwable thrown = catchThrowable(() -> new NoteVerifiers(List.of(peter)).open(forged.getBytes(StandardCharsets.UTF_8)));

        assertThat(thrown).isInstanceOf(NoteVerificationException.class);
        assertThat(((NoteVerificationException) thrown).reason()).isEqualTo(NoteVerificationException.Reason.INVALID_SIGNATURE);
    }

    @Test
    void aSignatureWithAKnownNameButAnotherKeyIdIsIgnored() throws Exception {
        String otherId = TEXT + "\n" + PETER_SIG.replace("x08g", "xxxx") + ENOCH_SIG;

        VerifiedNote note = new NoteVerifiers(List.of(peter, enoch)).open(otherId.getBytes(StandardCharsets.UTF_8));

        assertThat(note.verified()).extracting(v -> v.signature().keyName()).containsExactly("EnochRoot");
        assertThat(note.unknown()).extracting(NoteSignature::keyName).containsExactly("PeterNeumann");
    }

    @Test
    void repeatedSignaturesCountOnce() throws Exception {
        String repeated = TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG;

        VerifiedNote note = new NoteVerifiers(List.of(peter)).open(repeated.getBytes(StandardCharsets.UTF_8));

        assertThat(note.verified()).hasSize(1);
        assertThat(note.unknown()).hasSize(1);
    }

    @Test
    void theC2spExampleNoteHoldsUnderItsKey() throws Exception {
        VerifiedNote note = new NoteVerifiers(List.of(verifier("signed-note/c2sp-example.vkey"))).open(Vectors.bytes("signed-note/c2sp-example.note"));

        assertThat(note.text()).isEqualTo("This is an example message.\n");
    }

    @Test
    void theNoteTextIsSeparatedFromTheSignaturesByTheLastBlankLine() throws Exception {
        SignerKey key = SignerKey.parse(Vectors.line("signed-note/peter-neumann.skey")).orElseThrow();
        String text = "first\n\nsecond after a blank line\n";

        Note note = Note.parse(Note.sign(text, List.of(new Ed25519NoteSigner(key))).toBytes());

        assertThat(note.text()).isEqualTo(text);
        assertThat(new NoteVerifiers(List.of(peter)).open(note).verified()).hasSize(1);
    }

    @Test
    void theMalformedNotesOfTheGoTestsAreRefused() {
        List<String> malformed = List.of(
                TEXT,
                TEXT + "\n",
                TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                "\u0001" + TEXT + "\n" + PETER_SIG,
                TEXT + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                TEXT + "\n" + PETER_SIG + "Unexpected line.\n");
        for (String note : malformed) {
            assertThatThrownBy(() -> Note.parse(note.getBytes(StandardCharsets.UTF_8))).as(note).isInstanceOf(MalformedNoteException.class);
        }
        byte[] notUtf8 = (TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        notUtf8[0] = (byte) 0xff;
        assertThatThrownBy(() -> Note.parse(notUtf8)).isInstanceOf(MalformedNoteException.class);
    }

    @Test
    void moreSignaturesThanTheLimitAreRefusedBeforeAnyIsChecked() {
        String many = TEXT + "\n" + PETER_SIG.repeat(Note.MAX_SIGNATURES + 1);

        assertThatThrownBy(() -> new NoteVerifiers(List.of(peter)).open(many.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedNoteException.class);
        assertThat(catchThrowable(() -> Note.parse((TEXT + "\n" + PETER_SIG.repeat(Note.MAX_SIGNATURES)).getBytes(StandardCharsets.UTF_8)))).isNull();
    }

    @Test
    void craftedBytesAreRefused() {
        String valid = TEXT + "\n" + PETER_SIG;
        List<byte[]> crafted = List.of(
                valid.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8),
                valid.replace("problem,\n", "problem,\r").getBytes(StandardCharsets.UTF_8),
                valid.substring(0, valid.length() - 1).getBytes(StandardCharsets.UTF_8),
                (TEXT + "\n").getBytes(StandardCharsets.UTF_8),
                valid.replace("— ", "- ").getBytes(StandardCharsets.UTF_8),
                valid.replace("— ", "—  ").getBytes(StandardCharsets.UTF_8),
                valid.replace("x08go", "x08g").getBytes(StandardCharsets.UTF_8),
                valid.replace("nAM=\n", "nAM\n").getBytes(StandardCharsets.UTF_8),
                valid.replace("nAM=\n", "nAN=\n").getBytes(StandardCharsets.UTF_8),
                valid.replace("PeterNeumann", "Peter\u00a0Neumann").getBytes(StandardCharsets.UTF_8),
                (TEXT + "\n— PeterNeumann AAAA\n").getBytes(StandardCharsets.UTF_8),
                (TEXT + "\n\u2014 PeterNeumann x08go/ZJk\u0000\n").getBytes(StandardCharsets.UTF_8),
                withBytes(TEXT, new byte[] {(byte) 0xc0, (byte) 0xaf}, PETER_SIG),
                withBytes(TEXT, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, PETER_SIG),
                withBytes(TEXT, new byte[] {(byte) 0xe2, (byte) 0x80}, PETER_SIG),
                new byte[0],
                "\n\n".getBytes(StandardCharsets.UTF_8),
                ("x".repeat(Note.MAX_BYTES) + "\n\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8));
        for (byte[] note : crafted) {
            assertThatThrownBy(() -> Note.parse(note)).as(new String(note, StandardCharsets.UTF_8)).isInstanceOf(MalformedNoteException.class);
        }
    }

    @Test
    void anExtraBlankLineBelongsToTheTextSoTheSignatureNoLongerHolds() throws Exception {
        byte[] note = (TEXT + "\n\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);

        assertThat(Note.parse(note).text()).isEqualTo(TEXT + "\n");
        assertThatThrownBy(() -> new NoteVerifiers(List.of(peter)).open(note)).isInstanceOf(NoteVerificationException.class);
    }

    @Test
    void randomlyDamagedNotesAreReadOrRefusedButNeverCrashTheVerifier() {
        Random random = new Random(8032);
        byte[] valid = (TEXT + "\n" + PETER_SIG + ENOCH_SIG).getBytes(StandardCharsets.UTF_8);
        NoteVerifiers known = new NoteVerifiers(List.of(peter, enoch));
        byte[] interesting = {'\n', '\r', ' ', '+', '/', '=', 0, (byte) 0xe2, (byte) 0x80, (byte) 0x94, (byte) 0xff, 'A'};
        for (int i = 0; i < 5000; i++) {
            byte[] damaged = valid.clone();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(damaged.length);
                damaged[at] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                damaged = java.util.Arrays.copyOf(damaged, random.nextInt(damaged.length));
            }
            byte[] input = damaged;
            Throwable thrown = catchThrowable(() -> known.open(input));
            assertThat(thrown).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOfAny(MalformedNoteException.class, NoteVerificationException.class));
        }
    }

    @Test
    void aNoteThatCouldNotBeReadBackCannotBeMade() {
        SignerKey key = SignerKey.parse(Vectors.line("signed-note/peter-neumann.skey")).orElseThrow();
        List<NoteSigner> signers = List.of(new Ed25519NoteSigner(key));

        assertThatThrownBy(() -> Note.sign("no final newline", signers)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Note.sign("carriage\r\n", signers)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Note.sign("", signers)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Note.sign("text\n", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoKnownKeysWithTheSameNameAndKeyIdAreRefused() {
        assertThatThrownBy(() -> new NoteVerifiers(List.of(peter, verifier("signed-note/peter-neumann.vkey"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] withBytes(String text, byte[] inserted, String signature) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(inserted);
        out.writeBytes(("\n\n" + signature).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static NoteVerifier verifier(String vkeyFile) {
        return new Ed25519NoteVerifier(VerifierKey.parse(Vectors.line(vkeyFile)).orElseThrow());
    }
}
