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
    void eachPurposeGetsAnUnrelatedKey() {
        byte[] secret = "the signing key".getBytes(StandardCharsets.UTF_8);

        assertThat(HmacSha256.derive(secret, "case-ledger/snapshot-mac/1"))
                .hasSize(Sha256.LENGTH)
                .isNotEqualTo(HmacSha256.derive(secret, "case-ledger/snapshot-mac/2"));
    }
}
