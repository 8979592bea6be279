package org.caseledger.verify.witness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseledger.verify.note.Ed25519NoteVerifier;
import org.caseledger.verify.note.NoteVerificationException;
import org.caseledger.verify.note.NoteVerifiers;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.tlog.Checkpoint;
import org.caseledger.verify.tlog.Merkle;
import org.caseledger.verify.tlog.ProofVerifier;
import org.caseledger.verify.witness.WitnessAnswer.Conflict;
import org.caseledger.verify.witness.WitnessAnswer.Cosigned;
import org.caseledger.verify.witness.WitnessAnswer.Refused;
import org.caseledger.verify.witness.WitnessAnswer.Refusal;

/**
 * A witness as c2sp.org/tlog-witness defines it: it knows some logs by their keys (a log's origin is its key's name),
 * remembers the latest tree it cosigned for each, and cosigns a new checkpoint only when the log signed it and a
 * consistency proof shows it extends that tree. The checks run in the order of the specification, and checking the
 * old size and recording the new tree happen under one lock, so two requests racing cannot roll a log back.
 */
public final class Witness {

    private final Cosigner cosigner;
    private final Map<String, NoteVerifiers> logs = new HashMap<>();
    private final CosignedTrees state;
    private final Object lock = new Object();

    public Witness(Cosigner cosigner, Collection<VerifierKey> logKeys, CosignedTrees state) {
        this.cosigner = cosigner;
        this.state = state;
        Map<String, List<Ed25519NoteVerifier>> byOrigin = new HashMap<>();
        for (VerifierKey key : new LinkedHashSet<>(logKeys)) {
            byOrigin.computeIfAbsent(key.name(), origin -> new ArrayList<>()).add(new Ed25519NoteVerifier(key));
        }
        byOrigin.forEach((origin, verifiers) -> logs.put(origin, new NoteVerifiers(verifiers)));
    }

    public Set<String> origins() {
        return Set.copyOf(logs.keySet());
    }

    public Cosigner cosigner() {
        return cosigner;
    }

    public WitnessAnswer addCheckpoint(byte[] body) {
        try {
            return addCheckpoint(AddCheckpointRequest.parse(body));
        } catch (MalformedRequestException e) {
            return new Refused(Refusal.MALFORMED, e.getMessage());
        }
    }

    public WitnessAnswer addCheckpoint(AddCheckpointRequest request) {
        Checkpoint checkpoint = request.checkpoint();
        NoteVerifiers logKeys = logs.get(checkpoint.origin());
        if (logKeys == null) {
            return new Refused(Refusal.UNKNOWN_LOG, "no log of origin '" + shortened(checkpoint.origin()) + "' is known to this witness");
        }
        try {
            logKeys.open(request.note());
        } catch (NoteVerificationException e) {
            return new Refused(Refusal.NOT_SIGNED_BY_LOG, "the checkpoint is not signed by the log's key: " + e.getMessage());
        }
        if (request.oldSize() > checkpoint.size()) {
            return new Refused(Refusal.MALFORMED, "the old size " + request.oldSize() + " exceeds the checkpoint's size " + checkpoint.size());
        }
        synchronized (lock) {
            CosignedTree latest = state.latest(checkpoint.origin()).orElse(CosignedTree.EMPTY);
            if (request.oldSize() != latest.size()) {
                return new Conflict(latest.size());
            }
            String inconsistency = inconsistency(request, latest);
            if (inconsistency != null) {
                return new Refused(Refusal.NOT_CONSISTENT, inconsistency);
            }
            try {
                state.record(checkpoint.origin(), new CosignedTree(checkpoint.size(), checkpoint.rootHash()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not record the cosigned checkpoint; nothing was cosigned", e);
            }
            return new Cosigned(List.of(cosigner.cosign(checkpoint)));
        }
    }

    /** An origin as a refusal quotes it: a sender's text, so no longer than a line of a log should be. */
    private static String shortened(String origin) {
        return origin.length() <= 200 ? origin : origin.substring(0, 200) + "...";
    }

    /** Why the checkpoint does not extend the latest tree, or null if it does. */
    private static String inconsistency(AddCheckpointRequest request, CosignedTree latest) {
        Checkpoint checkpoint = request.checkpoint();
        if (checkpoint.size() == 0 && !checkpoint.rootHash().equals(Merkle.EMPTY_ROOT)) {
            return "a checkpoint of size 0 has the empty tree's root hash";
        }
        if (request.oldSize() == 0) {
            return request.consistencyProof().isEmpty() ? null
                    : "from size 0 the consistency proof is empty: the empty tree is a prefix of every tree";
        }
        if (request.oldSize() == checkpoint.size()) {
            if (!request.consistencyProof().isEmpty()) {
                return "between equal sizes the consistency proof is empty";
            }
            return checkpoint.rootHash().equals(latest.rootHash()) ? null
                    : "the checkpoint has the size of the latest cosigned one but another root hash: the log forked";
        }
        return ProofVerifier.verifyConsistency(latest.size(), checkpoint.size(), latest.rootHash(), checkpoint.rootHash(),
                request.consistencyProof()) ? null
                : "the consistency proof does not prove that the checkpoint extends the latest cosigned one (size " + latest.size() + ")";
    }
}
