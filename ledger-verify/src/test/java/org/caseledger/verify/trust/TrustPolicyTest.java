package org.caseledger.verify.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.support.TestLog;
import org.junit.jupiter.api.Test;

/** Trust policy files as c2sp.org/tlog-policy defines them. */
class TrustPolicyTest {

    private static final String ALPHABET = " \t\n#+Az09\u00ff";
    private static final String LOG = TestLog.of(1).verifierKey().format();

    static String witness(int n) {
        return SignerKey.fromSeed("witness" + n + ".example.se", SignatureType.COSIGNATURE_V1, TestLog.seed(100 + n)).verifierKey().format();
    }

    @Test
    void theSpecificationsExampleWithTwoLevelsOfGroupsReadsAndDecidesAsItSays() throws Exception {
        String text = "log " + LOG + "\n\n"
                + "witness X1 " + witness(1) + "\nwitness X2 " + witness(2) + "\nwitness X3 " + witness(3) + "\n"
                + "group X-witnesses 2 X1 X2 X3\n\n"
                + "witness Y1 " + witness(4) + "\nwitness Y2 " + witness(5) + "\nwitness Y3 " + witness(6) + "\n"
                + "group Y-witnesses any Y1 Y2 Y3\n\n"
                + "group X-and-Y all X-witnesses Y-witnesses\nquorum X-and-Y\n";

        TrustPolicy policy = TrustPolicy.parse(text.getBytes(StandardCharsets.UTF_8));

        assertThat(policy.logs()).hasSize(1);
        assertThat(policy.witnesses()).hasSize(6);
        assertThat(policy.isMetBy(List.of("X1", "X3", "Y2"))).isTrue();
        assertThat(policy.isMetBy(List.of("X1", "X2", "X3"))).isFalse();
        assertThat(policy.isMetBy(List.of("X1", "Y1", "Y2", "Y3"))).isFalse();
        assertThat(policy.isMetBy(List.of())).isFalse();
    }

    @Test
    void commentsBlankLinesTabsAndUrlsAreAllowed() throws Exception {
        String text = "# the ledger of the social services\n  \t\nlog\t" + LOG + " https://ledger.example.se/\n"
                + "\t# witnesses\nwitness  A " + witness(1) + "  https://a.example/\nwitness B " + witness(2) + "\n"
                + "group two-of-two all A B   \nquorum two-of-two";

        TrustPolicy policy = TrustPolicy.parse(text.getBytes(StandardCharsets.UTF_8));

        assertThat(policy.quorum()).isEqualTo("two-of-two");
        assertThat(policy.groups().get("two-of-two").threshold()).isEqualTo(2);
    }

    @Test
    void quorumNoneAsksForNoCosignature() throws Exception {
        TrustPolicy policy = TrustPolicy.parse(("log " + LOG + "\nquorum none\n").getBytes(StandardCharsets.UTF_8));

        assertThat(policy.isMetBy(List.of())).isTrue();
    }

    @Test
    void namesAreOpaqueOctetsSoNonAsciiNamesWork() throws Exception {
        byte[] text = ("witness Tillsynsmyndigheten-\u00e5\u00e4\u00f6 " + witness(1) + "\nquorum Tillsynsmyndigheten-\u00e5\u00e4\u00f6\n")
                .getBytes(StandardCharsets.UTF_8);

        TrustPolicy policy = TrustPolicy.parse(text);

        assertThat(policy.witnesses()).hasSize(1);
    }

    @Test
    void policiesAgainstTheRulesAreRefused() {
        String w1 = "witness A " + witness(1) + "\n";
        String w2 = "witness B " + witness(2) + "\n";
        List<String> malformed = List.of(
                "log " + LOG + "\n",
                w1 + "quorum A\nquorum A\n",
                w1 + "quorum B\n",
                w1 + "quorum\n",
                "quorum A\n" + w1,
                w1 + "group G 1 A B\n" + w2 + "quorum G\n",
                w1 + w2 + "group G 0 A B\nquorum G\n",
                w1 + w2 + "group G 3 A B\nquorum G\n",
                w1 + w2 + "group G 01 A B\nquorum G\n",
                w1 + w2 + "group G some A B\nquorum G\n",
                w1 + w2 + "group G any\nquorum G\n",
                w1 + w2 + "group G any A A\nquorum G\n",
                w1 + w2 + "group G any A B\ngroup H any A\nquorum H\n",
                w1 + w2 + "group G any A none\nquorum G\n",
                w1 + "witness none " + witness(2) + "\nquorum A\n",
                w1 + "witness A " + witness(2) + "\nquorum A\n",
                w1 + "witness B " + witness(1) + "\nquorum A\n",
                w1 + "witness C " + witness(1).replace("witness1", "other1") + "\nquorum A\n",
                "witness A " + LOG + "\nquorum A\n",
                "log " + witness(1) + "\nquorum none\n",
                "log " + LOG + " url extra\nquorum none\n",
                "log " + LOG.substring(0, LOG.length() - 2) + "\nquorum none\n",
                "logs " + LOG + "\nquorum none\n",
                w1 + "quorum A\r\n",
                w1 + "quorum A\u0000\n",
                w1 + "quorum A\u007f\n",
                "# only a comment\n");
        for (String text : malformed) {
            assertThatThrownBy(() -> TrustPolicy.parse(text.getBytes(StandardCharsets.UTF_8))).as(text).isInstanceOf(MalformedPolicyException.class);
        }
    }

    @Test
    void aPolicyLargerThanTheLimitIsRefused() {
        byte[] huge = ("#" + "x".repeat(TrustPolicy.MAX_BYTES) + "\nquorum none\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TrustPolicy.parse(huge)).isInstanceOf(MalformedPolicyException.class);
    }

    @Test
    void randomlyDamagedPoliciesAreReadOrRefusedButNeverCrashTheParser() {
        Random random = new Random(2026);
        byte[] valid = ("log " + LOG + "\nwitness A " + witness(1) + "\nwitness B " + witness(2) + "\ngroup G 2 A B\nquorum G\n")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3000; i++) {
            byte[] damaged = valid.clone();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                damaged[random.nextInt(damaged.length)] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            Throwable thrown = catchThrowable(() -> TrustPolicy.parse(damaged));
            assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(MalformedPolicyException.class));
        }
    }
}
