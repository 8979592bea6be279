package org.caseledger.projections.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The test vector of docs/integrity.md ("A case file for a recipient"): a data key sealed for a recipient opens with
 * their private key and with nothing else, bound to its case and key id; and a journal note under it opens to its text.
 */
class RecipientSealTest {

    private static final Base64.Decoder BASE64 = Base64.getDecoder();
    private static final byte[] PRIVATE_KEY = BASE64.decode("iJyAGHiD9UD5uqElCClgwV5IXssrCUXYoc9YOfRHuEw=");
    private static final String CASE_ID = "5f0c2f2e-8d7a-4c1e-9b3a-2d6f1e0a7b11";
    private static final UUID KEY_ID = UUID.fromString(CASE_ID);
    private static final byte[] ENC = BASE64.decode("hBlT2rn2beoZ0KsXmca2bLurqPWjJJYAuOCWUo2QRmE=");
    private static final byte[] SEALED = BASE64.decode("CANtPXoU8hiNckZrhBQeENjCVD3OBaXLvNLd1mC/B01JTEFsDNPPv1wZyIntwO3C");
    private static final String NOTE = "pd1:5f0c2f2e-8d7a-4c1e-9b3a-2d6f1e0a7b11:oKGio6Slpqeoqaqrq30IDTGjZ58PCvO7Ygju3y8zESBA-oHm3VAsNTBxzg";

    @Test
    void givenTheDocumentedVectorWhenOpenedWithTheRecipientsKeyThenTheDataKeyAndTheNoteRead() {
        assertThat(Base64.getEncoder().encodeToString(RecipientSeal.publicKeyOf(PRIVATE_KEY))).isEqualTo("4XxU1AKa809eg4U2sAWjoIy7FlyjmSmZN7lY6KGuVyk=");
        assertThat(RecipientSeal.keyId(RecipientSeal.publicKeyOf(PRIVATE_KEY))).isEqualTo("9bec91afb5e75a9d");

        SecretKey dataKey = RecipientSeal.open(PRIVATE_KEY, CASE_ID, KEY_ID, ENC, SEALED).orElseThrow();

        assertThat(HexFormat.of().formatHex(dataKey.getEncoded())).isEqualTo("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertThat(StoredText.parse(NOTE).open(dataKey, "org.caseledger.core.cases.JournalNoteRecorded#text".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Met the mother.");
    }

    @Test
    void givenAnotherKeyOrAnotherCaseWhenOpenedThenNothingOpens() {
        assertThat(RecipientSeal.open(RecipientSeal.generate().privateKey(), CASE_ID, KEY_ID, ENC, SEALED)).isEmpty();
        assertThat(RecipientSeal.open(PRIVATE_KEY, "another-case", KEY_ID, ENC, SEALED)).isEmpty();
        assertThat(RecipientSeal.open(PRIVATE_KEY, CASE_ID, UUID.randomUUID(), ENC, SEALED)).isEmpty();
    }

    @Test
    void givenAKeySealedNowWhenOpenedThenItIsTheSameKey() {
        RecipientSeal.KeyPair pair = RecipientSeal.generate();
        SecretKey key = new SecretKeySpec(BASE64.decode("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80="), "AES");
        RecipientSeal.Sealed sealed = RecipientSeal.seal(pair.publicKey(), CASE_ID, KEY_ID, key);

        assertThat(RecipientSeal.open(pair.privateKey(), CASE_ID, KEY_ID, sealed.enc(), sealed.ciphertext()).orElseThrow().getEncoded())
                .isEqualTo(key.getEncoded());
    }
}
