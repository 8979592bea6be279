package org.caseledger.api.snapshots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;
import org.caseledger.verify.primitives.Sha256;
import org.caseledger.core.integrity.SnapshotBinding;

/**
 * Binds a snapshot to its case's chain, and judges a stored snapshot by that binding. The application may change
 * {@code snapshot_event_entry}, which nothing else checks, while a case's commands are decided on the snapshot: a
 * snapshot is therefore used only if the MAC in its metadata holds for the bytes stored and the hash of the event it
 * was taken at, and that event is still stored with that hash. The key is not in the database, so whoever can change
 * the table cannot seal a snapshot of their own.
 */
public final class SnapshotSealer {

    /** What the sealing key is derived for from the signing key, the one secret the application holds outside the database. */
    public static final String KEY_PURPOSE = "snapshot-mac/1";

    static final String EVENT_HASH = "ledgerEventHash";
    static final String MAC = "ledgerSnapshotMac";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] key;

    public SnapshotSealer(byte[] key) {
        this.key = key.clone();
    }

    /** The metadata that seals a snapshot of these stored bytes, taken at the event of this hash. */
    Map<String, String> seal(String aggregateId, long sequenceNumber, SerializedObject<byte[]> payload, byte[] eventHash) {
        SnapshotBinding binding = new SnapshotBinding(aggregateId, sequenceNumber, payload.getType().getName(),
                payload.getType().getRevision(), Sha256.of(payload.getData()), eventHash);
        return Map.of(EVENT_HASH, Sha256.hex(eventHash), MAC, Sha256.hex(binding.mac(key)));
    }

    /**
     * Why a stored snapshot must not decide anything, or empty when it may be used. The MAC is checked first, as it
     * costs no query; then the one lookup of the event by the stream's unique key.
     */
    Optional<String> rejectionOf(DomainEventData<?> snapshot, ChainHashes chain) {
        if (!(snapshot.getPayload().getData() instanceof byte[] payload)) {
            return Optional.of("its payload is not stored as bytes");
        }
        Optional<Map<String, byte[]>> seal = sealOf(snapshot);
        if (seal.isEmpty()) {
            return Optional.of("it carries no seal");
        }
        byte[] eventHash = seal.get().get(EVENT_HASH);
        SnapshotBinding binding = new SnapshotBinding(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(),
                snapshot.getPayload().getType().getName(), snapshot.getPayload().getType().getRevision(),
                Sha256.of(payload), eventHash);
        if (!binding.matches(key, seal.get().get(MAC))) {
            return Optional.of("its MAC does not match what is stored");
        }
        byte[] stored = chain.hashAt(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
        if (stored == null) {
            return Optional.of("the stream has no event at its sequence number");
        }
        if (!Arrays.equals(stored, eventHash)) {
            return Optional.of("the stream's event at its sequence number is not the one it was taken at");
        }
        return Optional.empty();
    }

    /**
     * The event hash and MAC the metadata names, both well-formed; empty when either is missing or malformed, or when
     * there is no metadata at all (Axon's entry then fails on reading it, which would fail the command instead).
     */
    private static Optional<Map<String, byte[]>> sealOf(DomainEventData<?> snapshot) {
        try {
            if (!(snapshot.getMetaData().getData() instanceof byte[] bytes)) {
                return Optional.empty();
            }
            JsonNode fields = JSON.readTree(bytes);
            JsonNode eventHash = fields == null ? null : fields.get(EVENT_HASH);
            JsonNode mac = fields == null ? null : fields.get(MAC);
            if (eventHash == null || mac == null || !eventHash.isTextual() || !mac.isTextual()) {
                return Optional.empty();
            }
            return Optional.of(Map.of(EVENT_HASH, Sha256.fromHex(eventHash.asText()), MAC, Sha256.fromHex(mac.asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
