package org.caseledger.api.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A case file an auditor verifies alone: the case's events exactly as stored (payload bytes in Base64), their
 * digests and hashes, where each was sealed with its Merkle inclusion proof, the sealing checkpoints, and the
 * ledger's signature over all of it. The file is compact JSON in one canonical form, so any edit is found.
 */
public record CaseFile(String format, String caseId, String exportedAt, String publicKeyId, List<Event> events,
                       List<Seal> checkpoints, @JsonInclude(JsonInclude.Include.NON_NULL) String signature) {

    public static final String FORMAT = "case-ledger/case-file/1";

    public CaseFile withSignature(String signature) {
        return new CaseFile(format, caseId, exportedAt, publicKeyId, events, checkpoints, signature);
    }

    /** One stored event; {@code checkpoint} is {@code null} for an event not yet sealed. */
    public record Event(long globalIndex, String aggregateId, long sequenceNumber, String eventId, String payloadType,
                        String payloadRevision, String payload, String envelopeDigest, String payloadDigest,
                        String previousHash, String hash, Long checkpoint, Integer leafIndex, List<String> proof) {
    }

    /** A checkpoint as sealed and signed. */
    public record Seal(long number, long fromIndex, long toIndex, int eventCount, String merkleRoot,
                       String previousCheckpointHash, String sealedAt, String keyId, String signature) {
    }
}
