package org.caseledger.verify.casefile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.caseledger.verify.casefile.CaseFileReport.Problem;
import org.caseledger.verify.casefile.CaseFileReport.Status;
import org.caseledger.verify.event.EventEnvelope;
import org.caseledger.verify.event.EventHash;
import org.caseledger.verify.json.MalformedJsonException;
import org.caseledger.verify.json.StrictJson;
import org.caseledger.verify.note.Ed25519NoteVerifier;
import org.caseledger.verify.note.MalformedNoteException;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.NoteVerificationException;
import org.caseledger.verify.note.NoteVerifiers;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.primitives.Ed25519;
import org.caseledger.verify.primitives.Sha256;
import org.caseledger.verify.primitives.StrictBase64;
import org.caseledger.verify.primitives.StrictUtf8;
import org.caseledger.verify.tlog.Checkpoint;
import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.tlog.MalformedCheckpointException;
import org.caseledger.verify.tlog.Merkle;
import org.caseledger.verify.tlog.ProofVerifier;
import org.caseledger.verify.trust.CheckpointVerdict;
import org.caseledger.verify.trust.CheckpointVerifier;
import org.caseledger.verify.trust.TrustPolicy;

/**
 * Verifies a case file of format 2 with nothing but the file and what the auditor trusts: the ledger's public key, or
 * a trust policy listing the log's key and its witnesses; optionally a checkpoint the auditor kept. No database, no
 * network. The checks, in order (docs/integrity.md, "The case file"): the file's one byte form; the key it names is the
 * trusted one; its signature; the body; the log's key in it; the checkpoint note's log signature (and, under a policy,
 * its witnesses' quorum); the consistency proof from an earlier checkpoint; the trusted checkpoint; then every event:
 * its case, digests, hash, chain link, and inclusion proof. It never throws on what the file holds: whatever is wrong
 * is a located problem and the verdict BROKEN.
 */
public final class CaseFileVerifier {

    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final StrictJson.Limits OUTER = new StrictJson.Limits(CaseFileFormat.MAX_FILE_BYTES, 1, true);
    private static final StrictJson.Limits BODY = new StrictJson.Limits(CaseFileFormat.MAX_FILE_BYTES, 8, true);
    private static final Set<String> BODY_KEYS = Set.of("caseId", "exportedAt", "log", "checkpoint", "since", "events");
    /**
     * What a file for a named recipient adds: their sealed data keys and the law its decisions cite, signed with the rest
     * (what they hold is for the recipient's replay, not for verification); and the registrations of the persons the
     * case names, each stream verified as the case's own.
     */
    private static final Set<String> RECIPIENT_KEYS = Set.of("recipient", "law", "persons");
    private static final Set<String> EVENT_KEYS = Set.of("globalIndex", "aggregateId", "sequenceNumber", "eventId", "payloadType",
            "payloadRevision", "payload", "envelopeDigest", "payloadDigest", "previousHash", "hash", "leafIndex", "inclusionProof");

    private final byte[] publicKey;
    private final TrustPolicy policy;

    private CaseFileVerifier(byte[] publicKey, TrustPolicy policy) {
        this.publicKey = publicKey;
        this.policy = policy;
    }

    /** Trusts one key: the ledger's raw Ed25519 public key, for the file and the log's checkpoints. */
    public static CaseFileVerifier withPublicKey(byte[] publicKey) {
        if (publicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        return new CaseFileVerifier(publicKey.clone(), null);
    }

    /** Trusts a policy: the log key of the file's origin signs file and checkpoints, and its witnesses must meet the quorum. */
    public static CaseFileVerifier withPolicy(TrustPolicy policy) {
        return new CaseFileVerifier(null, policy);
    }

    public CaseFileReport verify(byte[] file) {
        return verify(file, null);
    }

    /** @param trustedCheckpoint a signed checkpoint note the auditor kept, or {@code null} */
    public CaseFileReport verify(byte[] file, byte[] trustedCheckpoint) {
        Run run = new Run();
        try {
            run.check(file, trustedCheckpoint);
        } catch (Broken stop) {
            // the problem is recorded; nothing after it can be relied on
        } catch (RuntimeException e) {
            run.problems.add(new Problem("FILE_MALFORMED", null, null, "the file could not be read: " + e));
        }
        Status status = !run.problems.isEmpty() ? Status.BROKEN : run.unsealed > 0 ? Status.UNSEALED : Status.INTACT;
        return new CaseFileReport(status, run.caseId, run.events, run.unsealed, run.checkpointText, run.keys, run.problems);
    }

    /** Thrown to stop at a problem after which nothing in the file can be relied on. */
    private static final class Broken extends Exception {
        Broken() {
            super(null, null, false, false);
        }
    }

    private final class Run {

        final List<Problem> problems = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        String caseId;
        int events;
        long unsealed;
        String checkpointText;

        void check(byte[] file, byte[] trustedCheckpoint) throws Broken {
            Map<String, Object> outer = object(parse(file, OUTER, "the file"), "the file", Set.of("format", "keyId", "body", "signature"));
            String format = string(outer, "format", "the file");
            if (!CaseFileFormat.FORMAT.equals(format)) {
                throw stop("FILE_MALFORMED", "the format is " + shorten(format) + ", not " + CaseFileFormat.FORMAT);
            }
            String keyId = string(outer, "keyId", "the file");
            String body = string(outer, "body", "the file");
            String signatureText = string(outer, "signature", "the file");
            byte[] canonical = StrictUtf8.encode(CaseFileFormat.text(body, keyId, signatureText));
            if (!Arrays.equals(canonical, file)) {
                throw stop("FILE_MALFORMED", "the file is not in its one byte form (from byte " + Arrays.mismatch(canonical, file) + " on)");
            }
            Map<String, Object> content = object(parse(StrictUtf8.encode(body), BODY, "the body"), "the body", BODY_KEYS, RECIPIENT_KEYS);
            caseId = string(content, "caseId", "the body");
            Map<String, Object> log = object(content.get("log"), "the log", Set.of("origin", "vkey"));
            String origin = string(log, "origin", "the log");

            VerifierKey logKey = trustedKey(origin, keyId);
            byte[] signature = StrictBase64.decode(signatureText).orElse(new byte[0]);
            if (!Ed25519.verify(logKey.publicKey(), CaseFileFormat.signedBytes(body), signature)) {
                throw stop("FILE_SIGNATURE_INVALID", "the ledger's signature over the file does not verify with the trusted key: the file was changed");
            }
            string(content, "exportedAt", "the body");
            Optional<VerifierKey> fileKey = VerifierKey.parse(string(log, "vkey", "the log"));
            if (fileKey.isEmpty() || !fileKey.get().equals(logKey)) {
                throw stop("WRONG_KEY", "the log key the file names is not the trusted key " + logKey.name() + "+" + logKey.keyIdHex());
            }

            Checkpoint checkpoint = fileCheckpoint(content.get("checkpoint"), logKey);
            Checkpoint since = since(content.get("since"), logKey, checkpoint);
            if (trustedCheckpoint != null) {
                trusted(trustedCheckpoint, logKey, checkpoint, since);
            }
            checkEvents(list(content.get("events"), "the events"), checkpoint, caseId);
            if (content.containsKey("persons")) {
                for (Object stream : list(content.get("persons"), "the persons")) {
                    Map<String, Object> person = object(stream, "a person's stream", Set.of("personId", "events"));
                    checkEvents(list(person.get("events"), "a person's events"), checkpoint, string(person, "personId", "a person's stream"));
                }
            }
        }

        private VerifierKey trustedKey(String origin, String keyId) throws Broken {
            if (policy == null) {
                VerifierKey key = VerifierKey.of(origin, SignatureType.ED25519, publicKey);
                keys.add("ledger (--public-key) sha256:" + key.fingerprint() + ", used for the file and its checkpoints");
                if (!key.fingerprint().equals(keyId)) {
                    throw stop("WRONG_KEY", "the file was signed with key sha256:" + shorten(keyId) + ", not with the given key");
                }
                return key;
            }
            List<VerifierKey> candidates = policy.logsOf(origin);
            VerifierKey key = candidates.stream().filter(k -> k.type() == SignatureType.ED25519 && k.fingerprint().equals(keyId))
                    .findFirst().orElse(null);
            if (key == null) {
                throw stop("WRONG_KEY", "the policy lists no log key of origin " + shorten(origin) + " with fingerprint sha256:" + shorten(keyId));
            }
            keys.add("log " + key.name() + "+" + key.keyIdHex() + " sha256:" + key.fingerprint() + " (policy), used for the file and its checkpoints");
            return key;
        }

        private Checkpoint fileCheckpoint(Object value, VerifierKey logKey) throws Broken {
            if (value == StrictJson.NULL) {
                checkpointText = "none: nothing of the ledger was sealed when the file was exported";
                return new Checkpoint(logKey.name(), 0, Merkle.EMPTY_ROOT);
            }
            if (!(value instanceof String note)) {
                throw stop("FILE_MALFORMED", "the checkpoint is not a note");
            }
            Checkpoint checkpoint;
            if (policy == null) {
                checkpoint = openNote(note, List.of(logKey), "CHECKPOINT_INVALID", "the file's checkpoint");
                checkpointText = describe(checkpoint) + "; witnesses not checked (no --policy)";
            } else {
                CheckpointVerdict verdict = new CheckpointVerifier(policy).verify(StrictUtf8.encode(note));
                if (!(verdict instanceof CheckpointVerdict.Accepted accepted)) {
                    throw stop("CHECKPOINT_NOT_TRUSTED", "the file's checkpoint is refused by the policy: " + ((CheckpointVerdict.Refused) verdict).reason());
                }
                if (!accepted.logKey().equals(logKey)) {
                    throw stop("WRONG_KEY", "the file's checkpoint is signed by another log key of the policy than the file");
                }
                checkpoint = accepted.checkpoint();
                accepted.cosignatures().forEach(c -> keys.add("witness " + c.witness() + " " + c.key().name() + "+" + c.key().keyIdHex()
                        + " sha256:" + c.key().fingerprint() + ", cosigned " + c.cosignedAt()));
                checkpointText = describe(checkpoint) + "; quorum " + accepted.quorum() + " met";
            }
            if (!checkpoint.origin().equals(logKey.name())) {
                throw stop("CHECKPOINT_INVALID", "the checkpoint is of another log: " + shorten(checkpoint.origin()));
            }
            return checkpoint;
        }

        private Checkpoint since(Object value, VerifierKey logKey, Checkpoint checkpoint) throws Broken {
            if (value == StrictJson.NULL) {
                return null;
            }
            Map<String, Object> since = object(value, "since", Set.of("checkpoint", "consistencyProof"));
            Checkpoint earlier = openNote(string(since, "checkpoint", "since"), earlierKeys(logKey), "CONSISTENCY_PROOF_INVALID",
                    "the earlier checkpoint");
            List<Hash> proof = hashes(list(since.get("consistencyProof"), "the consistency proof"), "the consistency proof");
            if (earlier.size() > checkpoint.size()
                    || !ProofVerifier.verifyConsistency(earlier.size(), checkpoint.size(), earlier.rootHash(), checkpoint.rootHash(), proof)) {
                throw stop("CONSISTENCY_PROOF_INVALID", "the file's checkpoint (size " + checkpoint.size() + ") is not proved an extension of "
                        + "the earlier one (size " + earlier.size() + ")");
            }
            checkpointText += "; extends the checkpoint of size " + earlier.size() + " (consistency proof holds)";
            return earlier;
        }

        private void trusted(byte[] note, VerifierKey logKey, Checkpoint checkpoint, Checkpoint since) throws Broken {
            Checkpoint trusted = openNote(StrictUtf8.decode(note).orElse(""), earlierKeys(logKey), "TRUSTED_CHECKPOINT_NOT_EXTENDED",
                    "the trusted checkpoint");
            boolean equal = trusted.size() == checkpoint.size() && trusted.rootHash().equals(checkpoint.rootHash());
            boolean proved = since != null && since.size() == trusted.size() && since.rootHash().equals(trusted.rootHash());
            if (!equal && !proved) {
                throw stop("TRUSTED_CHECKPOINT_NOT_EXTENDED", "the file's checkpoint (size " + checkpoint.size() + ") is not proved to extend "
                        + "the trusted checkpoint (size " + trusted.size() + ")" + (trusted.size() < checkpoint.size()
                        ? ": export the file with ?since=" + trusted.size() : ""));
            }
            checkpointText += "; " + (equal ? "equals" : "extends") + " the trusted checkpoint of size " + trusted.size();
        }

        /**
         * The keys an earlier checkpoint may be signed with: the file's log key, and under a policy every Ed25519 log key
         * it lists for the origin, since the ledger may have rotated its key since (docs/integrity.md, "Key rotation").
         */
        private List<VerifierKey> earlierKeys(VerifierKey logKey) {
            List<VerifierKey> candidates = new ArrayList<>(List.of(logKey));
            if (policy != null) {
                policy.logsOf(logKey.name()).stream().filter(key -> key.type() == SignatureType.ED25519 && !key.equals(logKey))
                        .forEach(candidates::add);
            }
            return candidates;
        }

        /** Opens a note signed by one of these log keys, the first the file's own; names any other key it relied on. */
        private Checkpoint openNote(String text, List<VerifierKey> logKeys, String kind, String what) throws Broken {
            try {
                Note note = Note.parse(StrictUtf8.encode(text));
                new NoteVerifiers(logKeys.stream().map(Ed25519NoteVerifier::new).toList()).open(note);
                VerifierKey signer = logKeys.stream().filter(key -> signs(key, note)).findFirst().orElseThrow();
                if (!signer.equals(logKeys.get(0))) {
                    keys.add("log " + signer.name() + "+" + signer.keyIdHex() + " sha256:" + signer.fingerprint()
                            + " (policy, an earlier key of the log), used for " + what);
                }
                Checkpoint checkpoint = Checkpoint.parse(note.text());
                if (!checkpoint.origin().equals(signer.name())) {
                    throw stop(kind, what + " is of another log: " + shorten(checkpoint.origin()));
                }
                return checkpoint;
            } catch (MalformedNoteException | MalformedCheckpointException e) {
                throw stop(kind, what + " is not a signed checkpoint: " + e.getMessage());
            } catch (NoteVerificationException e) {
                throw stop(kind, what + " is not signed by the trusted log key: " + e.getMessage());
            }
        }

        private static boolean signs(VerifierKey key, Note note) {
            try {
                new NoteVerifiers(List.of(new Ed25519NoteVerifier(key))).open(note);
                return true;
            } catch (NoteVerificationException e) {
                return false;
            }
        }

        /** One stream of events, the case's or a person's: every event of it from the first, each linked and proved. */
        private void checkEvents(List<Object> list, Checkpoint checkpoint, String aggregateId) throws Broken {
            if (list.isEmpty()) {
                throw stop("FILE_MALFORMED", "the file holds no event");
            }
            long expectedSequence = 0;
            byte[] expectedPrevious = EventHash.GENESIS;
            long lastGlobal = -1;
            long lastLeaf = -1;
            boolean unsealedSeen = false;
            for (int i = 0; i < list.size(); i++) {
                Event event = event(list.get(i), "event #" + i);
                events++;
                Problem problem = content(event, aggregateId);
                if (problem == null) {
                    problem = link(event, expectedSequence, expectedPrevious, lastGlobal);
                }
                if (problem == null) {
                    problem = inclusion(event, checkpoint, lastLeaf, unsealedSeen);
                }
                if (problem != null) {
                    problems.add(problem);
                }
                if (event.leafIndex() == null) {
                    unsealed++;
                    unsealedSeen = true;
                } else {
                    lastLeaf = event.leafIndex();
                }
                expectedSequence = event.sequenceNumber() + 1;
                expectedPrevious = event.hash();
                lastGlobal = event.globalIndex();
            }
        }

        private Problem content(Event e, String aggregateId) {
            if (!e.aggregateId().equals(aggregateId)) {
                return e.problem("EVENT_OF_ANOTHER_CASE", "the event belongs to " + shorten(e.aggregateId()) + ", not to "
                        + (aggregateId.equals(caseId) ? "this case" : "the stream of " + shorten(aggregateId)));
            }
            if (!Arrays.equals(Sha256.of(e.payload()), e.payloadDigest())) {
                return e.problem("PAYLOAD_CHANGED", "the payload bytes differ from what was appended");
            }
            byte[] envelope;
            try {
                envelope = EventEnvelope.ofPayload(e.payload()).digest();
            } catch (MalformedJsonException ex) {
                return e.problem("PAYLOAD_CHANGED", "the payload is not a readable event: " + ex.getMessage());
            }
            if (!Arrays.equals(envelope, e.envelopeDigest())) {
                return e.problem("ENVELOPE_CHANGED", "the envelope (actor, role, unit, times or request ids) differs from what was appended");
            }
            byte[] hash = new EventHash(e.aggregateId(), e.sequenceNumber(), e.eventId(), e.payloadType(), e.payloadRevision(),
                    e.envelopeDigest(), e.payloadDigest(), e.previousHash()).compute();
            if (!Arrays.equals(hash, e.hash())) {
                return e.problem("EVENT_CHANGED", "the hash does not match the event's identity, digests and link");
            }
            return null;
        }

        private Problem link(Event e, long expectedSequence, byte[] expectedPrevious, long lastGlobal) {
            if (e.sequenceNumber() > expectedSequence) {
                return new Problem("EVENT_MISSING", expectedSequence, null, expectedSequence == e.sequenceNumber() - 1
                        ? "event " + expectedSequence + " of the case is missing"
                        : "events " + expectedSequence + " to " + (e.sequenceNumber() - 1) + " of the case are missing");
            }
            if (e.sequenceNumber() < expectedSequence) {
                return e.problem("ORDER_CHANGED", "the sequence number repeats or goes back (expected " + expectedSequence + ")");
            }
            if (!Arrays.equals(e.previousHash(), expectedPrevious)) {
                return e.problem("CHAIN_BROKEN", "the event does not link to the event before it in the file");
            }
            if (e.globalIndex() <= lastGlobal) {
                return e.problem("ORDER_CHANGED", "the global index does not grow with the sequence number");
            }
            return null;
        }

        private Problem inclusion(Event e, Checkpoint checkpoint, long lastLeaf, boolean unsealedSeen) {
            if (e.leafIndex() == null) {
                return e.inclusionProof() == null ? null : e.problem("INCLUSION_PROOF_INVALID", "an unsealed event carries an inclusion proof");
            }
            if (unsealedSeen) {
                return e.problem("INCLUSION_PROOF_INVALID", "the event is sealed, but an earlier event of the case is not");
            }
            if (e.leafIndex() <= lastLeaf || e.leafIndex() >= checkpoint.size() || e.inclusionProof() == null) {
                return e.problem("INCLUSION_PROOF_INVALID", "leaf " + e.leafIndex() + " is out of order, outside the checkpoint's tree of "
                        + checkpoint.size() + " or without a proof");
            }
            if (!ProofVerifier.verifyInclusion(Merkle.leafHash(e.hash()), e.leafIndex(), checkpoint.size(), e.inclusionProof(), checkpoint.rootHash())) {
                return e.problem("INCLUSION_PROOF_INVALID", "the checkpoint's tree does not hold this event as leaf " + e.leafIndex());
            }
            return null;
        }

        private Event event(Object value, String what) throws Broken {
            Map<String, Object> e = object(value, what, EVENT_KEYS);
            Object leaf = e.get("leafIndex");
            Object proof = e.get("inclusionProof");
            return new Event(number(e, "globalIndex", what), string(e, "aggregateId", what), number(e, "sequenceNumber", what),
                    string(e, "eventId", what), string(e, "payloadType", what),
                    e.get("payloadRevision") == StrictJson.NULL ? null : string(e, "payloadRevision", what),
                    StrictBase64.decode(string(e, "payload", what)).orElseThrow(() -> malformed(what + ": the payload is not canonical Base64")),
                    hex(e, "envelopeDigest", what), hex(e, "payloadDigest", what), hex(e, "previousHash", what), hex(e, "hash", what),
                    leaf == StrictJson.NULL ? null : number(e, "leafIndex", what),
                    proof == StrictJson.NULL ? null : hashes(list(proof, what + ": the inclusion proof"), what + ": the inclusion proof"));
        }

        private Object parse(byte[] bytes, StrictJson.Limits limits, String what) throws Broken {
            try {
                return StrictJson.parse(bytes, limits);
            } catch (MalformedJsonException e) {
                throw stop("FILE_MALFORMED", what + " is not strict JSON: " + e.getMessage());
            }
        }

        private Map<String, Object> object(Object value, String what, Set<String> keys) throws Broken {
            return object(value, what, keys, Set.of());
        }

        /** An object with exactly the members {@code keys}, and either all of {@code together} or none of them. */
        private Map<String, Object> object(Object value, String what, Set<String> keys, Set<String> together) throws Broken {
            if (!(value instanceof Map<?, ?> map)) {
                throw stop("FILE_MALFORMED", what + " is not an object");
            }
            Set<String> extra = new HashSet<>();
            map.keySet().forEach(key -> extra.add(String.valueOf(key)));
            extra.removeAll(keys);
            boolean complete = map.keySet().containsAll(keys) && (extra.isEmpty() || extra.equals(together));
            if (!complete) {
                throw stop("FILE_MALFORMED", what + " must have exactly the members " + keys.stream().sorted().toList()
                        + (together.isEmpty() ? "" : ", and for a recipient also " + together.stream().sorted().toList()));
            }
            for (String member : extra) {
                if (!(map.get(member) instanceof Map<?, ?>) && !"persons".equals(member)) {
                    throw stop("FILE_MALFORMED", what + "'s member " + member + " is not an object");
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> members = (Map<String, Object>) map;
            return members;
        }

        private List<Object> list(Object value, String what) throws Broken {
            if (!(value instanceof List<?> list)) {
                throw stop("FILE_MALFORMED", what + " is not an array");
            }
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) list;
            return items;
        }

        private String string(Map<String, Object> map, String key, String what) throws Broken {
            if (!(map.get(key) instanceof String text)) {
                throw stop("FILE_MALFORMED", what + ": " + key + " is not a string");
            }
            return text;
        }

        private long number(Map<String, Object> map, String key, String what) throws Broken {
            if (!(map.get(key) instanceof Long number) || number < 0) {
                throw stop("FILE_MALFORMED", what + ": " + key + " is not a non-negative integer");
            }
            return number;
        }

        private byte[] hex(Map<String, Object> map, String key, String what) throws Broken {
            String text = string(map, key, what);
            if (!HEX_HASH.matcher(text).matches()) {
                throw stop("FILE_MALFORMED", what + ": " + key + " is not 64 lower-case hex digits");
            }
            return java.util.HexFormat.of().parseHex(text);
        }

        private List<Hash> hashes(List<Object> items, String what) throws Broken {
            if (items.size() > 64) {
                throw stop("FILE_MALFORMED", what + " is longer than any proof in a tree of 2^63 leaves");
            }
            List<Hash> hashes = new ArrayList<>();
            for (Object item : items) {
                if (!(item instanceof String text)) {
                    throw stop("FILE_MALFORMED", what + " holds something other than a hash");
                }
                hashes.add(Hash.fromBase64(text).orElseThrow(() -> malformed(what + " holds a hash that is not 32 bytes in canonical Base64")));
            }
            return hashes;
        }

        private Broken malformed(String detail) {
            return stop("FILE_MALFORMED", detail);
        }

        private Broken stop(String kind, String detail) {
            problems.add(new Problem(kind, null, null, detail));
            return new Broken();
        }
    }

    /** One event of the file, its fields read and well formed. */
    private record Event(long globalIndex, String aggregateId, long sequenceNumber, String eventId, String payloadType,
                         String payloadRevision, byte[] payload, byte[] envelopeDigest, byte[] payloadDigest, byte[] previousHash,
                         byte[] hash, Long leafIndex, List<Hash> inclusionProof) {

        Problem problem(String kind, String detail) {
            return new Problem(kind, sequenceNumber, globalIndex, detail);
        }
    }

    private static String describe(Checkpoint checkpoint) {
        return checkpoint.origin() + " at tree size " + checkpoint.size() + ", root " + checkpoint.rootHash().base64();
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
