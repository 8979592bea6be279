package org.caseledger.verify.support;

import static org.caseledger.verify.json.JsonWriter.string;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.caseledger.verify.casefile.CaseFileFormat;
import org.caseledger.verify.event.EventEnvelope;
import org.caseledger.verify.event.EventHash;
import org.caseledger.verify.note.Ed25519NoteSigner;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.NoteSigner;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.primitives.Ed25519;
import org.caseledger.verify.primitives.Sha256;
import org.caseledger.verify.primitives.StrictBase64;
import org.caseledger.verify.tlog.Checkpoint;
import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.tlog.InMemoryTreeHashes;
import org.caseledger.verify.tlog.MerkleProofs;

/**
 * A case file of format 2 built as the ledger builds one, for tests: a case of three events at global indexes 2, 5 and 7
 * of a ledger of eight sealed events, the checkpoint of size 8 signed by the log's key, and, on request, the checkpoint
 * of size 5 with the consistency proof. Every part can be replaced before the file is signed, to craft files that a
 * ledger with the real key might sign.
 */
public final class TestCaseFile {

    public static final String ORIGIN = "ledger.example.se/case-ledger";
    public static final String CASE_ID = "5b0f6a8e-2f0c-4a3e-9d55-0c1e2a7b9f10";
    public static final SignerKey LOG = SignerKey.fromSeed(ORIGIN, SignatureType.ED25519, TestLog.seed(7));
    public static final int TREE_SIZE = 8;

    /** One event as the body writes it; strings are written as JSON, {@code null} as null. */
    public record Event(long globalIndex, String aggregateId, long sequenceNumber, String eventId, String payloadType,
                        String payloadRevision, String payload, String envelopeDigest, String payloadDigest, String previousHash,
                        String hash, Long leafIndex, List<String> inclusionProof) {

        public Event withPreviousHashAndHash(String previous) {
            byte[] hash = new EventHash(aggregateId, sequenceNumber, eventId, payloadType, payloadRevision, hex(envelopeDigest),
                    hex(payloadDigest), hex(previous)).compute();
            return new Event(globalIndex, aggregateId, sequenceNumber, eventId, payloadType, payloadRevision, payload, envelopeDigest,
                    payloadDigest, previous, Sha256.hex(hash), leafIndex, inclusionProof);
        }

        public Event withProof(List<String> proof) {
            return new Event(globalIndex, aggregateId, sequenceNumber, eventId, payloadType, payloadRevision, payload, envelopeDigest,
                    payloadDigest, previousHash, hash, leafIndex, proof);
        }

        public Event unsealed() {
            return new Event(globalIndex, aggregateId, sequenceNumber, eventId, payloadType, payloadRevision, payload, envelopeDigest,
                    payloadDigest, previousHash, hash, null, null);
        }

        public String json() {
            return "{\"globalIndex\":" + globalIndex + ",\"aggregateId\":" + string(aggregateId) + ",\"sequenceNumber\":" + sequenceNumber
                    + ",\"eventId\":" + string(eventId) + ",\"payloadType\":" + string(payloadType) + ",\"payloadRevision\":"
                    + (payloadRevision == null ? "null" : string(payloadRevision)) + ",\"payload\":" + string(payload)
                    + ",\"envelopeDigest\":" + string(envelopeDigest) + ",\"payloadDigest\":" + string(payloadDigest)
                    + ",\"previousHash\":" + string(previousHash) + ",\"hash\":" + string(hash) + ",\"leafIndex\":"
                    + (leafIndex == null ? "null" : leafIndex) + ",\"inclusionProof\":"
                    + (inclusionProof == null ? "null" : "[" + String.join(",", inclusionProof.stream().map(h -> string(h)).toList()) + "]")
                    + "}";
        }
    }

    public List<Event> events = new ArrayList<>();
    public List<byte[]> leaves = new ArrayList<>();
    public String checkpoint;
    public String since;
    public SignerKey fileKey = LOG;

    private TestCaseFile() {
    }

    public static TestCaseFile sealed() {
        TestCaseFile file = new TestCaseFile();
        long[] globalIndexes = {2, 5, 7};
        byte[] previous = EventHash.GENESIS;
        int next = 0;
        for (int leaf = 0; leaf < TREE_SIZE; leaf++) {
            long global = leaf + 1;
            if (next < 3 && globalIndexes[next] == global) {
                Event event = event(next, global, previous, (long) leaf);
                file.events.add(event);
                file.leaves.add(hex(event.hash()));
                previous = hex(event.hash());
                next++;
            } else {
                file.leaves.add(Sha256.of(("another case's event " + leaf).getBytes(StandardCharsets.UTF_8)));
            }
        }
        InMemoryTreeHashes tree = InMemoryTreeHashes.ofLeaves(file.leaves);
        file.events.replaceAll(e -> e.withProof(MerkleProofs.inclusionProof(tree, e.leafIndex(), TREE_SIZE).stream().map(Hash::base64).toList()));
        file.checkpoint = note(TREE_SIZE, tree, LOG);
        return file;
    }

    /** Carries the checkpoint of size {@code earlier} and the consistency proof from it. */
    public TestCaseFile since(long earlier) {
        InMemoryTreeHashes tree = InMemoryTreeHashes.ofLeaves(leaves);
        since = "{\"checkpoint\":" + string(note(earlier, tree, LOG)) + ",\"consistencyProof\":"
                + proof(MerkleProofs.consistencyProof(tree, earlier, TREE_SIZE)) + "}";
        return this;
    }

    public TestCaseFile events(UnaryOperator<List<Event>> change) {
        events = new ArrayList<>(change.apply(new ArrayList<>(events)));
        return this;
    }

    public static String note(long size, InMemoryTreeHashes tree, SignerKey key, NoteSigner... more) {
        List<NoteSigner> signers = new ArrayList<>(List.of(new Ed25519NoteSigner(key)));
        signers.addAll(List.of(more));
        return new String(Note.sign(new Checkpoint(key.name(), size, tree.root(size)).format(), signers).toBytes(), StandardCharsets.UTF_8);
    }

    public static String proof(List<Hash> hashes) {
        return "[" + String.join(",", hashes.stream().map(h -> string(h.base64())).toList()) + "]";
    }

    public String body() {
        return "{\"caseId\":" + string(CASE_ID) + ",\"exportedAt\":\"2026-03-03T10:00:00Z\",\"log\":{\"origin\":" + string(ORIGIN)
                + ",\"vkey\":" + string(LOG.verifierKey().format()) + "},\"checkpoint\":" + (checkpoint == null ? "null" : string(checkpoint))
                + ",\"since\":" + (since == null ? "null" : since) + ",\"events\":["
                + String.join(",", events.stream().map(Event::json).toList()) + "]}";
    }

    public byte[] bytes() {
        return signed(body());
    }

    public byte[] signed(String body) {
        byte[] publicKey = Ed25519.publicKeyOf(fileKey.seed());
        return CaseFileFormat.write(body, CaseFileFormat.keyId(publicKey), Ed25519.sign(fileKey.seed(), CaseFileFormat.signedBytes(body)));
    }

    public static byte[] publicKey() {
        return LOG.verifierKey().publicKey();
    }

    private static Event event(long sequence, long global, byte[] previous, Long leaf) {
        byte[] payload = ("{\"envelope\":{\"actor\":\"anna.lind\",\"role\":\"SOCIAL_SECRETARY\",\"unit\":\"vivalla\","
                + "\"occurredAt\":\"2026-03-02T08:20:00Z\",\"recordedAt\":\"2026-03-02T08:2" + sequence + ":00Z\",\"correlationId\":null,"
                + "\"causationId\":null,\"idempotencyKey\":null},\"text\":\"Möte nummer " + sequence + "\",\"amount\":1.5e3}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] envelope;
        try {
            envelope = EventEnvelope.ofPayload(payload).digest();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        byte[] payloadDigest = Sha256.of(payload);
        String type = "org.caseledger.core.cases.JournalNoteRecorded";
        byte[] hash = new EventHash(CASE_ID, sequence, "event-" + sequence, type, "1", envelope, payloadDigest, previous).compute();
        return new Event(global, CASE_ID, sequence, "event-" + sequence, type, "1", StrictBase64.encode(payload), Sha256.hex(envelope),
                Sha256.hex(payloadDigest), Sha256.hex(previous), Sha256.hex(hash), leaf, null);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
