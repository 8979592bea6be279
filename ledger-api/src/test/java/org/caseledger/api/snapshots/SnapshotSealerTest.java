package org.caseledger.api.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.caseledger.verify.primitives.Sha256;
import org.junit.jupiter.api.Test;

/**
 * A snapshot decides a command only if its seal holds: the MAC over the stored bytes and the event hash it names, and
 * that hash still stored for the stream's event at the snapshot's sequence number. Anything else is rejected.
 */
class SnapshotSealerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASE = "9de098b5-c2f0-409f-85ef-b2dc610b4c75";
    private static final String CASE_TYPE = "org.caseledger.core.cases.Case";
    private static final long SEQUENCE = 105;
    private static final byte[] EVENT_HASH = Sha256.of("event 105".getBytes(StandardCharsets.UTF_8));
    private static final String PAYLOAD = "{\"caseId\":\"" + CASE + "\",\"closed\":true,\"notes\":[\"n1\"]}";

    private final SnapshotSealer sealer = new SnapshotSealer(key(1));
    private final ChainHashes chain = (aggregateId, sequence) ->
            aggregateId.equals(CASE) && sequence == SEQUENCE ? EVENT_HASH : null;

    @Test
    void aSnapshotSealedAtTheStoredEventIsUsed() {
        DomainEventData<byte[]> snapshot = stored(CASE, SEQUENCE, PAYLOAD, sealOf(CASE, SEQUENCE, PAYLOAD, EVENT_HASH));

        assertThat(sealer.rejectionOf(snapshot, chain)).isEmpty();
        assertThat(new SealedSnapshotFilter(sealer, chain).allow(snapshot)).isTrue();
    }

    @Test
    void aSnapshotWhosePayloadWasEditedIsRejected() {
        Map<String, String> seal = sealOf(CASE, SEQUENCE, PAYLOAD, EVENT_HASH);
        DomainEventData<byte[]> reopened = stored(CASE, SEQUENCE, PAYLOAD.replace("\"closed\":true", "\"closed\":false"), seal);
        DomainEventData<byte[]> noteForgotten = stored(CASE, SEQUENCE, PAYLOAD.replace("\"n1\"", ""), seal);
        DomainEventData<byte[]> spaceAdded = stored(CASE, SEQUENCE, PAYLOAD + " ", seal);

        assertThat(sealer.rejectionOf(reopened, chain)).hasValue("its MAC does not match what is stored");
        assertThat(sealer.rejectionOf(noteForgotten, chain)).hasValue("its MAC does not match what is stored");
        assertThat(sealer.rejectionOf(spaceAdded, chain)).hasValue("its MAC does not match what is stored");
        assertThat(new SealedSnapshotFilter(sealer, chain).allow(reopened)).isFalse();
    }

    @Test
    void aSealedSnapshotMovedToAnotherSequenceNumberOrTypeOrRevisionIsRejected() {
        Map<String, String> seal = sealOf(CASE, SEQUENCE, PAYLOAD, EVENT_HASH);
        ChainHashes anyEventHasThatHash = (aggregateId, sequence) -> EVENT_HASH;

        assertThat(sealer.rejectionOf(stored(CASE, SEQUENCE + 1, PAYLOAD, seal), anyEventHasThatHash)).isPresent();
        assertThat(sealer.rejectionOf(stored("another-case", SEQUENCE, PAYLOAD, seal), anyEventHasThatHash)).isPresent();
        assertThat(sealer.rejectionOf(stored(CASE, SEQUENCE, PAYLOAD, "0", CASE_TYPE, seal), chain)).isPresent();
        assertThat(sealer.rejectionOf(stored(CASE, SEQUENCE, PAYLOAD, "1", "org.caseledger.Other", seal), chain)).isPresent();
    }

    @Test
    void aSnapshotNamingAnotherEventHashThanItWasSealedWithIsRejected() {
        Map<String, String> seal = new HashMap<>(sealOf(CASE, SEQUENCE, PAYLOAD, EVENT_HASH));
        byte[] otherHash = Sha256.of("another event".getBytes(StandardCharsets.UTF_8));
        seal.put(SnapshotSealer.EVENT_HASH, Sha256.hex(otherHash));
        ChainHashes chainWithOtherHash = (aggregateId, sequence) -> otherHash;

        assertThat(sealer.rejectionOf(stored(CASE, SEQUENCE, PAYLOAD, seal), chainWithOtherHash))
                .hasValue("its MAC does not match what is stored");
    }

    @Test
    void aSnapshotWhoseEventIsNoLongerStoredWithItsHashIsRejected() {
        DomainEventData<byte[]> snapshot = stored(CASE, SEQUENCE, PAYLOAD, sealOf(CASE, SEQUENCE, PAYLOAD, EVENT_HASH));
        byte[] rewritten = Arrays.copyOf(EVENT_HASH, EVENT_HASH.length);
        rewritten[0] ^= 1;

        assertThat(sealer.rejectionOf(snapshot, (aggregateId, sequence) -> rewritten))
                .hasValue("the stream's event at its sequence number is not the one it was taken at");
        assertThat(sealer.rejectionOf(snapshot, (aggregateId, sequence) -> null))
                .hasValue("the stream has no event at its sequence number");
    }

    @Test
    void aSnapshotSealedWithAnotherKeyIsRejected() {
        Map<String, String> foreignSeal = new SnapshotSealer(key(2)).seal(CASE, SEQUENCE, serialized(PAYLOAD, "1", CASE_TYPE), EVENT_HASH);

        assertThat(sealer.rejectionOf(stored(CASE, SEQUENCE, PAYLOAD, foreignSeal), chain))
                .hasValue("its MAC does not match what is stored");
    }

    @Test
    void aSnapshotWithoutAWellFormedSealIsRejected() {
        Map<String, String> seal = sealOf(CASE, SEQUENCE, PAYLOAD, EVENT_HASH);
        Map<String, String> macNotHex = new HashMap<>(seal);
        macNotHex.put(SnapshotSealer.MAC, "not hex");

        assertThat(sealer.rejectionOf(stored(CASE, SEQUENCE, PAYLOAD, Map.of()), chain)).hasValue("it carries no seal");
        assertThat(sealer.rejectionOf(stored(CASE, SEQUENCE, PAYLOAD, Map.of(SnapshotSealer.MAC, seal.get(SnapshotSealer.MAC))), chain))
                .hasValue("it carries no seal");
        assertThat(sealer.rejectionOf(stored(CASE, SEQUENCE, PAYLOAD, macNotHex), chain)).hasValue("it carries no seal");
        assertThat(sealer.rejectionOf(entry(CASE, SEQUENCE, PAYLOAD, "1", CASE_TYPE, "not json".getBytes(StandardCharsets.UTF_8)), chain))
                .hasValue("it carries no seal");
        assertThat(sealer.rejectionOf(entry(CASE, SEQUENCE, PAYLOAD, "1", CASE_TYPE, null), chain)).hasValue("it carries no seal");
    }

    private Map<String, String> sealOf(String aggregateId, long sequence, String payload, byte[] eventHash) {
        return sealer.seal(aggregateId, sequence, serialized(payload, "1", CASE_TYPE), eventHash);
    }

    private static SimpleSerializedObject<byte[]> serialized(String payload, String revision, String type) {
        return new SimpleSerializedObject<>(payload.getBytes(StandardCharsets.UTF_8), byte[].class, type, revision);
    }

    private static DomainEventData<byte[]> stored(String aggregateId, long sequence, String payload, Map<String, String> seal) {
        return stored(aggregateId, sequence, payload, "1", CASE_TYPE, seal);
    }

    private static DomainEventData<byte[]> stored(String aggregateId, long sequence, String payload, String revision,
                                                  String type, Map<String, String> seal) {
        try {
            return entry(aggregateId, sequence, payload, revision, type, JSON.writeValueAsBytes(seal));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainEventData<byte[]> entry(String aggregateId, long sequence, String payload, String revision,
                                                 String type, byte[] metaData) {
        return new GenericDomainEventEntry<>("Case", aggregateId, sequence, "snapshot-id", "2026-11-22T10:00:00Z", type,
                revision, payload.getBytes(StandardCharsets.UTF_8), metaData);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
