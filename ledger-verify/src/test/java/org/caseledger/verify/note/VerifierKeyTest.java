package org.caseledger.verify.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.caseledger.verify.support.Vectors;
import org.junit.jupiter.api.Test;

/** vkeys and signer keys of c2sp.org/signed-note, with the keys of golang.org/x/mod/sumdb/note and others. */
class VerifierKeyTest {

    private static final String PETER = Vectors.line("signed-note/peter-neumann.vkey");

    @Test
    void aGoVkeyReadsAndWritesBackUnchanged() {
        VerifierKey key = VerifierKey.parse(PETER).orElseThrow();

        assertThat(key.name()).isEqualTo("PeterNeumann");
        assertThat(key.keyIdHex()).isEqualTo("c74f20a3");
        assertThat(key.type()).isEqualTo(SignatureType.ED25519);
        assertThat(key.format()).isEqualTo(PETER);
    }

    @Test
    void theC2spExampleKeyHasTheRawPublicKeyItWraps() {
        VerifierKey key = VerifierKey.parse(Vectors.line("signed-note/c2sp-example.vkey")).orElseThrow();

        assertThat(HexFormat.of().formatHex(key.publicKey())).isEqualTo("e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4");
        assertThat(key.keyId()).isEqualTo(0x530d903a);
    }

    @Test
    void everyPieceOfAVkeyAndEveryOneByteChangeIsRefused() {
        byte[] bytes = PETER.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i <= bytes.length; i++) {
            for (int j = i + 1; j <= bytes.length; j++) {
                if (i != 0 || j != bytes.length) {
                    String piece = new String(bytes, i, j - i, StandardCharsets.UTF_8);
                    assertThat(VerifierKey.parse(piece)).as(piece).isEmpty();
                }
            }
        }
        for (int i = 0; i < bytes.length; i++) {
            bytes[i]++;
            String changed = new String(bytes, StandardCharsets.UTF_8);
            assertThat(VerifierKey.parse(changed)).as(changed).isEmpty();
            bytes[i]--;
        }
    }

    @Test
    void aKeyOfTheWrongLengthOrAnUnknownTypeIsRefusedEvenWithAMatchingKeyId() {
        assertThat(VerifierKey.parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")).isEmpty();
        assertThat(VerifierKey.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")).isEmpty();
    }

    @Test
    void theVkeysOfTransparencyDevFormatsReadAsThatLibraryReadsThem() {
        for (String line : Vectors.dataLines("signed-note/transparency-dev-formats.vkeys")) {
            String[] fields = line.split(" ", 2);
            assertThat(VerifierKey.parse(fields[1])).as(fields[1]).matches(key -> key.isPresent() == fields[0].equals("valid"));
        }
        VerifierKey remora = VerifierKey.parse("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2").orElseThrow();
        assertThat(remora.type()).isEqualTo(SignatureType.COSIGNATURE_V1);
    }

    @Test
    void theFingerprintIsTheSha256OfTheRawPublicKey() {
        VerifierKey key = VerifierKey.parse(Vectors.line("signed-note/c2sp-example.vkey")).orElseThrow();

        assertThat(key.fingerprint()).isEqualTo(HexFormat.of().formatHex(
                org.caseledger.verify.primitives.Sha256.of(HexFormat.of().parseHex("e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4"))));
    }

    @Test
    void keyNamesFollowTheRuleOfTheSpecification() {
        assertThat(KeyName.isValid("example.com/log42")).isTrue();
        assertThat(KeyName.isValid("socialtjänst.example.se/ärenden")).isTrue();
        assertThat(KeyName.isValid("")).isFalse();
        assertThat(KeyName.isValid("a+b")).isFalse();
        assertThat(KeyName.isValid("a b")).isFalse();
        assertThat(KeyName.isValid("a\u00a0b")).isFalse();
        assertThat(KeyName.isValid("a\u2003b")).isFalse();
        assertThat(KeyName.isValid("a\u0085b")).isFalse();
        assertThat(KeyName.isValid("a\tb")).isFalse();
        assertThat(KeyName.isValid("a\ud800b")).isFalse();
    }
}
