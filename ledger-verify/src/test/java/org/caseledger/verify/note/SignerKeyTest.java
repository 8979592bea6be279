package org.caseledger.verify.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.caseledger.verify.support.Vectors;
import org.junit.jupiter.api.Test;

/** Signer keys in the form golang.org/x/mod/sumdb/note writes, and the Ed25519 key pair derived from the seed. */
class SignerKeyTest {

    private static final String PETER = Vectors.line("signed-note/peter-neumann.skey");

    @Test
    void aGoSignerKeyDerivesTheGoVkeyOfTheSameKey() {
        SignerKey key = SignerKey.parse(PETER).orElseThrow();

        assertThat(key.verifierKey().format()).isEqualTo(Vectors.line("signed-note/peter-neumann.vkey"));
        assertThat(key.format()).isEqualTo(PETER);
    }

    @Test
    void theWitnessKeysOfTransparencyDevFormatsDeriveTheirVkeys() {
        for (String line : Vectors.dataLines("signed-note/transparency-dev-formats.keys")) {
            String[] fields = line.split(" ");
            assertThat(SignerKey.parse(fields[1]).orElseThrow().verifierKey().format()).isEqualTo(fields[0]);
        }
    }

    @Test
    void everyPieceOfASignerKeyAndEveryOneByteChangeIsRefused() {
        byte[] bytes = PETER.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i <= bytes.length; i++) {
            for (int j = i + 1; j <= bytes.length; j++) {
                if (i != 0 || j != bytes.length) {
                    String piece = new String(bytes, i, j - i, StandardCharsets.UTF_8);
                    assertThat(SignerKey.parse(piece)).as(piece).isEmpty();
                }
            }
        }
        for (int i = 0; i < bytes.length; i++) {
            bytes[i]++;
            String changed = new String(bytes, StandardCharsets.UTF_8);
            assertThat(SignerKey.parse(changed)).as(changed).isEmpty();
            bytes[i]--;
        }
    }

    @Test
    void aGeneratedKeyReadsBackAsItselfAndSignsWhatItsVkeyVerifies() {
        SignerKey key = SignerKey.generate("ledger.example.se/case-ledger", SignatureType.ED25519);
        SignerKey read = SignerKey.parse(key.format()).orElseThrow();
        byte[] text = "hello\n".getBytes(StandardCharsets.UTF_8);

        assertThat(read.verifierKey()).isEqualTo(key.verifierKey());
        assertThat(new Ed25519NoteVerifier(key.verifierKey()).verify(text, new Ed25519NoteSigner(read).sign(text))).isTrue();
        assertThat(key.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void theSameSeedUnderTheCosignatureTypeHasAnotherKeyId() {
        SignerKey note = SignerKey.parse(PETER).orElseThrow();
        SignerKey cosigner = note.withType(SignatureType.COSIGNATURE_V1);

        assertThat(cosigner.verifierKey().publicKey()).isEqualTo(note.verifierKey().publicKey());
        assertThat(cosigner.verifierKey().keyId()).isNotEqualTo(note.verifierKey().keyId());
        assertThat(SignerKey.parse(cosigner.format()).map(SignerKey::format)).contains(cosigner.format());
    }
}
