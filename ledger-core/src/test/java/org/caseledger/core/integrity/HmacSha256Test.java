package org.caseledger.core.integrity;

import org.caseledger.verify.primitives.Sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The key derivation is HKDF-SHA256 as RFC 5869 defines it, so another implementation derives the same key. */
class HmacSha256Test {

    @Test
    void theDerivationGivesTheFirstBlockOfRfc5869TestCaseThree() {
        byte[] secret = new byte[22];
        Arrays.fill(secret, (byte) 0x0b);

        byte[] key = HmacSha256.derive(secret, "");

        assertThat(Sha256.hex(key)).isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d");
    }

    @Test
    void theMacIsRfc4231TestCaseTwoAndFollowsAKeyChangedInPlace() {
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] message = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

        byte[] first = HmacSha256.of(key, message);
        key[0] = 'j';
        byte[] afterTheChange = HmacSha256.of(key, message);

        assertThat(Sha256.hex(first)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(afterTheChange).isNotEqualTo(first).isEqualTo(HmacSha256.of("jefe".getBytes(StandardCharsets.US_ASCII), message));
        assertThat(HmacSha256.of("Jefe".getBytes(StandardCharsets.US_ASCII), message)).isEqualTo(first);
    }

    @Test
    void eachPurposeGetsAnUnrelatedKey() {
        byte[] secret = "the signing key".getBytes(StandardCharsets.UTF_8);

        assertThat(HmacSha256.derive(secret, "case-ledger/snapshot-mac/1"))
                .hasSize(Sha256.LENGTH)
                .isNotEqualTo(HmacSha256.derive(secret, "case-ledger/snapshot-mac/2"));
    }
}
