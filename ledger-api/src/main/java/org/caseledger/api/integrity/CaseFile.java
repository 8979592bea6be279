package org.caseledger.api.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param recipient  for a file exported to a named recipient, the case's data keys sealed for them; absent otherwise
 * @param law        for a file exported to a named recipient, the legal bases its decisions are worded by; absent otherwise
 * @param persons    for a file exported to a named recipient, the event streams of the persons the case names (the child,
 *                   the household's members), so that the recipient reads who they are; absent otherwise
 */
public record CaseFile(String caseId, String exportedAt, Log log, String checkpoint, Since since, List<Event> events,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Recipient recipient,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Law law,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<PersonStream> persons) {

    /** A file for anyone: the personal fields stay ciphertext. */
    public CaseFile(String caseId, String exportedAt, Log log, String checkpoint, Since since, List<Event> events) {
        this(caseId, exportedAt, log, checkpoint, since, events, null, null, null);
    }

    /** What a file for a named recipient adds: their sealed keys, the law its decisions cite, the persons it names. */
    public record ForRecipient(Recipient recipient, Law law, List<PersonStream> persons) {
    }

    /** One person's events as stored, each sealed one with its inclusion proof, like the case's. */
    public record PersonStream(String personId, List<Event> events) {
    }

    /**
     * Who the file was exported for and the case's data keys sealed for their public key (HPKE, RFC 9180); the keys that
     * were destroyed (an erased person's) are listed, and sealed for no one.
     *
     * @param publicKey the recipient's X25519 public key, Base64 of its 32 bytes
     * @param keyId     its id: the first 16 hex digits of its SHA-256
     */
    public record Recipient(String name, String publicKey, String keyId, String suite, List<DataKey> dataKeys, List<String> erasedKeys) {
    }

    /** One data key sealed: its id as the personal fields name it, HPKE's encapsulated key and the sealed key, Base64. */
    public record DataKey(String keyId, String enc, String sealedKey) {
    }

    /** The law catalogue's legal bases as the ledger words them, so that the recipient's kit cites them alike. */
    public record Law(List<Basis> legalBases) {
    }

    /** One legal basis of the catalogue; days ISO, {@code validTo} {@code null} while in force. */
    public record Basis(String id, String act, String provision, String title, String validFrom, String validTo, List<String> decisionKinds,
                        boolean permitsDisclosure, boolean appealable) {
    }

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
