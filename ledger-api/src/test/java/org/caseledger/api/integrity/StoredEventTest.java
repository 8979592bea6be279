package org.caseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.caseledger.verify.event.EventEnvelope;
import org.junit.jupiter.api.Test;

/**
 * The envelope read from the payload's tokens agrees with the envelope read from a tree of the whole payload, the
 * definition: the same values, or the same failure with the same words, whatever the stored bytes have become.
 */
class StoredEventTest {

    private static final String ENVELOPE = "{\"actor\":\"anna.lind\",\"role\":\"SOCIAL_SECRETARY\",\"unit\":\"vivalla\","
            + "\"occurredAt\":\"2026-02-02T08:20:00Z\",\"recordedAt\":\"2026-11-22T16:45:57.463207314Z\","
            + "\"correlationId\":\"197d4f74-3bf7-4baf-88eb-7bafac1684c6\",\"causationId\":\"b8bfd0f2-d510-459e-8ce2-b2e1530f3890\","
            + "\"idempotencyKey\":null}";
    private static final String PAYLOAD = "{\"caseId\":\"9de098b5-c2f0-409f-85ef-b2dc610b4c75\",\"noteId\":\"3d05e861-9e83-4c94\","
            + "\"text\":\"pd1:9de098b5:QUJD\\u00e5\\n\",\"count\":3,\"ratio\":0.5,\"tags\":[\"a\",{\"b\":[1,2,{\"c\":null}]},true],"
            + "\"envelope\":" + ENVELOPE + "}";

    @Test
    void anEventAsStoredIsReadFromItsTokens() {
        assertThat(StoredEvent.streamedEnvelopeOf(bytes(PAYLOAD))).isNotNull();
        assertThat(StoredEvent.streamedEnvelopeOf(bytes("{\"envelope\":" + ENVELOPE + ",\"caseId\":\"x\"}"))).isNotNull();
        assertSameAsTree(PAYLOAD);
    }

    @Test
    void unusualButReadablePayloadsGiveWhatTheTreeGives() {
        List<String> payloads = List.of(
                "{\"envelope\":{}}",
                "{\"envelope\":{\"actor\":\"åsa \\\"q\\\" \\ud83d\\ude00\",\"role\":null,\"extra\":{\"deep\":[[[{}]]]},\"more\":[1e400,123456789012345678901234567890]}}",
                "{\"envelope\":{\"actor\":1}}",
                "{\"envelope\":{\"actor\":1.50}}",
                "{\"envelope\":{\"actor\":true}}",
                "{\"envelope\":{\"actor\":{\"x\":1}}}",
                "{\"envelope\":{\"actor\":[\"x\"]}}",
                "{\"envelope\":{\"actor\":\"a\",\"actor\":\"b\"}}",
                "{\"envelope\":" + ENVELOPE + ",\"envelope\":" + ENVELOPE.replace("anna.lind", "forged") + "}",
                "{\"envelope\":" + ENVELOPE + ",\"envelope\":\"none\"}",
                "{\"envelope\":\"none\",\"envelope\":" + ENVELOPE + "}",
                "{\"caseId\":\"a\",\"caseId\":\"b\",\"envelope\":" + ENVELOPE + "}",
                "{\"envelope\":null}",
                "{\"envelope\":[]}",
                "{\"caseId\":\"x\"}",
                "{}",
                "[" + PAYLOAD + "]",
                "\"text\"",
                "42",
                "null",
                "",
                "   ",
                PAYLOAD + " trailing words",
                PAYLOAD + "}",
                "{\"a\":" + "[".repeat(200) + "]".repeat(200) + ",\"envelope\":" + ENVELOPE + "}");
        payloads.forEach(StoredEventTest::assertSameAsTree);
    }

    @Test
    void unreadablePayloadsFailWithTheTreesWords() {
        List<byte[]> payloads = new ArrayList<>(List.of(
                bytes(PAYLOAD.substring(0, PAYLOAD.length() - 1)),
                bytes(PAYLOAD.substring(0, 40)),
                bytes(PAYLOAD.replace("\"count\":3", "\"count\":03")),
                bytes(PAYLOAD.replace("\"count\":3", "\"count\":3x")),
                bytes(PAYLOAD.replace("\\n", "\\q")),
                bytes(PAYLOAD.replace("\\u00e5", "\\u00g5")),
                bytes(PAYLOAD.replace("QUJD", "QU\tJD")),
                bytes(PAYLOAD.replace("true", "tru")),
                bytes(PAYLOAD.replace("\"noteId\"", "noteId"))));
        byte[] badUtf8 = bytes(PAYLOAD);
        int at = PAYLOAD.indexOf("QUJD");
        badUtf8[at] = (byte) 0xC3;
        payloads.add(badUtf8.clone());
        badUtf8[at] = (byte) 0xE2;
        badUtf8[at + 1] = (byte) 0x28;
        payloads.add(badUtf8.clone());
        badUtf8[at] = (byte) 0xFF;
        payloads.add(badUtf8.clone());
        for (byte[] payload : payloads) {
            assertThat(outcome(payload)).startsWith("failed");
            assertSameAsTree(payload);
        }
    }

    @Test
    void anyChangedByteGivesWhatTheTreeGives() {
        Random random = new Random(20261122);
        byte[] original = bytes(PAYLOAD);
        int streamed = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] changed = original.clone();
            for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                changed[random.nextInt(changed.length)] = (byte) random.nextInt(256);
            }
            assertSameAsTree(changed);
            streamed += StoredEvent.streamedEnvelopeOf(changed) == null ? 0 : 1;
        }
        assertThat(streamed).as("changes the tokens still read, inside text for instance").isGreaterThan(250);
    }

    private static void assertSameAsTree(String payload) {
        assertSameAsTree(bytes(payload));
    }

    private static void assertSameAsTree(byte[] payload) {
        String tree;
        try {
            tree = "read " + StoredEvent.treeEnvelopeOf(payload);
        } catch (Exception e) {
            tree = "failed " + e.getClass().getName() + ": " + e.getMessage();
        }
        assertThat(outcome(payload)).as(new String(payload, StandardCharsets.UTF_8)).isEqualTo(tree);
    }

    private static String outcome(byte[] payload) {
        try {
            EventEnvelope envelope = StoredEvent.envelopeOf(payload);
            return "read " + envelope;
        } catch (Exception e) {
            return "failed " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
