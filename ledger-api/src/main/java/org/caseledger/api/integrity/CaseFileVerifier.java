package org.caseledger.api.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.caseledger.core.integrity.CheckpointSeal;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.core.integrity.EventHash;
import org.caseledger.core.integrity.MerkleTree;
import org.caseledger.core.integrity.Sha256;

/**
 * Verifies an exported case file with nothing but the file and the ledger's public key: no database, no network.
 * It checks that the file is in its one canonical form, the ledger's signature over it, every event against its
 * digests, hash and chain link, every inclusion proof against its checkpoint's root, and every checkpoint's
 * signature.
 */
public final class CaseFileVerifier {

    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern SIGNATURE = Pattern.compile("^[0-9a-f]{128}$");

    private final PublicKey publicKey;

    public CaseFileVerifier(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    /** Never throws on a malformed or crafted file: whatever is wrong with it is reported as BROKEN. */
    public VerificationReport verify(byte[] fileBytes) {
        try {
            return check(fileBytes);
        } catch (RuntimeException e) {
            return broken("file", 0, List.of(fileProblem("the file is malformed: " + e)));
        }
    }

    private VerificationReport check(byte[] fileBytes) {
        List<VerificationReport.Problem> problems = new ArrayList<>();
        CaseFile file;
        try {
            file = CaseFileJson.MAPPER.readValue(fileBytes, CaseFile.class);
        } catch (IOException e) {
            return broken("file", 0, List.of(fileProblem("the file is not a readable case file: " + e.getMessage())));
        }
        try {
            int difference = firstDifference(CaseFileJson.MAPPER.writeValueAsBytes(file), fileBytes);
            if (difference >= 0) {
                problems.add(fileProblem("the file is not in its canonical form from byte " + difference + " on: it was edited"));
            }
            if (!CaseFile.FORMAT.equals(file.format())) {
                problems.add(fileProblem("unknown format " + file.format()));
            }
            if (!Ed25519.keyId(publicKey).equals(file.publicKeyId())) {
                problems.add(fileProblem("the file names key " + file.publicKeyId() + ", not the given key " + Ed25519.keyId(publicKey)));
            }
            byte[] body = CaseFileJson.MAPPER.writeValueAsBytes(file.withSignature(null));
            if (file.signature() == null || !SIGNATURE.matcher(file.signature()).matches()
                    || !Ed25519.verify(publicKey, body, Sha256.fromHex(file.signature()))) {
                problems.add(fileProblem("the ledger's signature over the file does not verify"));
            }
        } catch (JsonProcessingException e) {
            problems.add(fileProblem("the file could not be re-encoded: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            return broken(String.valueOf(file.caseId()), 0, problems);
        }
        Map<Long, CheckpointSeal> seals = checkSeals(file, problems);
        long unsealed = checkEvents(file, seals, problems);
        if (!problems.isEmpty()) {
            return broken(file.caseId(), file.events().size(), problems);
        }
        String status = unsealed > 0 ? "UNSEALED" : "INTACT";
        return new VerificationReport(status, file.caseId(), file.events().size(), seals.size(),
                file.events().isEmpty() ? null : file.events().get(0).globalIndex(),
                file.events().isEmpty() ? null : file.events().get(file.events().size() - 1).globalIndex(), null, unsealed,
                null, List.of());
    }

    private Map<Long, CheckpointSeal> checkSeals(CaseFile file, List<VerificationReport.Problem> problems) {
        Map<Long, CheckpointSeal> seals = new HashMap<>();
        for (CaseFile.Seal seal : file.checkpoints()) {
            if (!HASH.matcher(seal.merkleRoot()).matches() || !HASH.matcher(seal.previousCheckpointHash()).matches()
                    || !SIGNATURE.matcher(seal.signature()).matches()) {
                problems.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_SIGNATURE_INVALID, null, null, seal.fromIndex(),
                        seal.number(), "checkpoint " + seal.number() + " holds a malformed hash or signature"));
                continue;
            }
            CheckpointSeal parsed;
            try {
                parsed = new CheckpointSeal(seal.number(), seal.fromIndex(), seal.toIndex(), seal.eventCount(),
                        Sha256.fromHex(seal.merkleRoot()), Sha256.fromHex(seal.previousCheckpointHash()),
                        java.time.Instant.parse(seal.sealedAt()), seal.keyId());
            } catch (RuntimeException e) {
                problems.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_SIGNATURE_INVALID, null, null, seal.fromIndex(),
                        seal.number(), "checkpoint " + seal.number() + " is malformed: " + e.getMessage()));
                continue;
            }
            if (!parsed.sealedAt().toString().equals(seal.sealedAt())
                    || !Ed25519.verify(publicKey, parsed.canonicalBytes(), Sha256.fromHex(seal.signature()))) {
                problems.add(new VerificationReport.Problem(BreakKind.CHECKPOINT_SIGNATURE_INVALID, null, null, seal.fromIndex(),
                        seal.number(), "the signature of checkpoint " + seal.number() + " does not verify with the given key"));
            }
            seals.put(seal.number(), parsed);
        }
        return seals;
    }

    private long checkEvents(CaseFile file, Map<Long, CheckpointSeal> seals, List<VerificationReport.Problem> problems) {
        long sealedUpTo = seals.values().stream().mapToLong(CheckpointSeal::toIndex).max().orElse(0);
        long unsealed = 0;
        long expectedSequence = 0;
        byte[] expectedPrevious = EventHash.GENESIS;
        for (CaseFile.Event exported : file.events()) {
            StoredEvent event;
            try {
                event = storedEvent(exported);
            } catch (IllegalArgumentException e) {
                problems.add(new VerificationReport.Problem(BreakKind.EVENT_CHANGED, exported.aggregateId(), exported.sequenceNumber(),
                        exported.globalIndex(), exported.checkpoint(), e.getMessage()));
                continue;
            }
            VerificationReport.Problem problem = !file.caseId().equals(event.aggregateId())
                    ? event.problem(BreakKind.EVENT_INSERTED, "the event belongs to " + event.aggregateId() + ", not to case " + file.caseId())
                    : event.checkContent();
            if (problem == null) {
                problem = event.checkLink(expectedSequence, expectedPrevious);
            }
            if (problem == null) {
                problem = checkInclusion(exported, event, seals);
            }
            if (problem == null && exported.checkpoint() == null && exported.globalIndex() <= sealedUpTo) {
                problem = event.problem(BreakKind.EVENT_INSERTED, "the file says this event is unsealed, but a checkpoint of the file "
                        + "sealed every position up to " + sealedUpTo);
            }
            if (problem != null) {
                problems.add(problem);
            }
            if (exported.checkpoint() == null) {
                unsealed++;
            }
            expectedSequence = event.sequenceNumber() + 1;
            expectedPrevious = event.hash();
        }
        return unsealed;
    }

    private static VerificationReport.Problem checkInclusion(CaseFile.Event exported, StoredEvent event, Map<Long, CheckpointSeal> seals) {
        if (exported.checkpoint() == null) {
            return null;
        }
        CheckpointSeal seal = seals.get(exported.checkpoint());
        if (seal == null || exported.leafIndex() == null || exported.proof() == null
                || exported.proof().stream().anyMatch(hex -> !HASH.matcher(hex).matches())) {
            return event.problem(BreakKind.EVENT_CHANGED, "the proof that checkpoint " + exported.checkpoint() + " sealed this event is incomplete");
        }
        List<byte[]> proof = exported.proof().stream().map(Sha256::fromHex).toList();
        if (!MerkleTree.verifyInclusion(event.hash(), exported.leafIndex(), seal.eventCount(), proof, seal.merkleRoot())) {
            return event.problem(BreakKind.EVENT_CHANGED, "checkpoint " + seal.number() + " did not seal this event as it is now");
        }
        return null;
    }

    private static StoredEvent storedEvent(CaseFile.Event e) {
        for (String hex : List.of(e.envelopeDigest(), e.payloadDigest(), e.previousHash(), e.hash())) {
            if (hex == null || !HASH.matcher(hex).matches()) {
                throw new IllegalArgumentException("a digest or hash of the event is malformed");
            }
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(e.payload());
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw new IllegalArgumentException("the payload is not Base64");
        }
        if (!Base64.getEncoder().encodeToString(payload).equals(e.payload())) {
            throw new IllegalArgumentException("the payload is not in canonical Base64");
        }
        return new StoredEvent(e.globalIndex(), e.aggregateId(), e.sequenceNumber(), e.eventId(), e.payloadType(), e.payloadRevision(),
                payload, Sha256.fromHex(e.envelopeDigest()), Sha256.fromHex(e.payloadDigest()), Sha256.fromHex(e.previousHash()),
                Sha256.fromHex(e.hash()));
    }

    private static int firstDifference(byte[] canonical, byte[] actual) {
        int length = Math.min(canonical.length, actual.length);
        for (int i = 0; i < length; i++) {
            if (canonical[i] != actual[i]) {
                return i;
            }
        }
        return canonical.length == actual.length ? -1 : length;
    }

    private static VerificationReport.Problem fileProblem(String detail) {
        return new VerificationReport.Problem(BreakKind.FILE_CHANGED, null, null, null, null, detail);
    }

    private static VerificationReport broken(String scope, long events, List<VerificationReport.Problem> problems) {
        return new VerificationReport("BROKEN", scope, events, 0, null, null, null, 0, problems.get(0), List.copyOf(problems));
    }
}
