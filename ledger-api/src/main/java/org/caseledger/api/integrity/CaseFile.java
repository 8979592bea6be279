package org.caseledger.api.integrity;

import java.util.List;
import org.caseledger.verify.casefile.CaseFileFormat;

/**
 * The body of a case file of format 2 (docs/integrity.md, "The case file"): the case's events exactly as stored
 * (payload bytes in Base64) with their digests and hashes, each sealed event's leaf in the ledger's one Merkle tree with
 * its RFC 9162 inclusion proof to the file's checkpoint, that checkpoint as the signed note the log published (with its
 * cosignatures), and, when asked for, an earlier checkpoint with the consistency proof to the file's. The file carries
 * this body as a string, signed as {@link CaseFileFormat} defines.
 *
 * @param checkpoint the newest checkpoint when the file was exported, or {@code null} if none had been sealed yet
 * @param since      the earlier checkpoint the export was asked to prove the file's extends, or {@code null}
 */
public record CaseFile(String caseId, String exportedAt, Log log, String checkpoint, Since since, List<Event> events) {

    public static final String FORMAT = CaseFileFormat.FORMAT;

    /** The log the checkpoints belong to: its origin and the vkey its notes are signed with. */
    public record Log(String origin, String vkey) {
    }

    /** An earlier checkpoint as a signed note, and the RFC 9162 consistency proof (Base64 hashes) to the file's. */
    public record Since(String checkpoint, List<String> consistencyProof) {
    }

    /**
     * One stored event; {@code leafIndex} and {@code inclusionProof} (Base64 hashes, from the leaf up) are {@code null}
     * for an event the file's checkpoint does not cover yet.
     */
    public record Event(long globalIndex, String aggregateId, long sequenceNumber, String eventId, String payloadType,
                        String payloadRevision, String payload, String envelopeDigest, String payloadDigest,
                        String previousHash, String hash, Long leafIndex, List<String> inclusionProof) {
    }
}
