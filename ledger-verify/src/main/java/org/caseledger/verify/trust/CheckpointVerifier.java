package org.caseledger.verify.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseledger.verify.note.Ed25519NoteVerifier;
import org.caseledger.verify.note.MalformedNoteException;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.NoteVerificationException;
import org.caseledger.verify.note.NoteVerifier;
import org.caseledger.verify.note.NoteVerifiers;
import org.caseledger.verify.note.VerifiedNote;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.tlog.Checkpoint;
import org.caseledger.verify.tlog.MalformedCheckpointException;
import org.caseledger.verify.trust.CheckpointVerdict.Accepted;
import org.caseledger.verify.trust.CheckpointVerdict.Refused;
import org.caseledger.verify.trust.CheckpointVerdict.WitnessCosignature;
import org.caseledger.verify.witness.CosignatureV1;
import org.caseledger.verify.witness.CosignatureVerifier;

/**
 * Decides whether an auditor may rely on a cosigned checkpoint: it is accepted only when a log key of the policy
 * whose name is the checkpoint's origin signed it, and the witnesses that cosigned it meet the policy's quorum.
 * Signatures of keys the policy does not list are ignored; a signature that claims a listed key and does not hold
 * refuses the whole checkpoint, as c2sp.org/signed-note recommends.
 */
public final class CheckpointVerifier {

    private final TrustPolicy policy;

    public CheckpointVerifier(TrustPolicy policy) {
        this.policy = policy;
    }

    public CheckpointVerdict verify(byte[] cosignedCheckpoint) {
        Note note;
        Checkpoint checkpoint;
        try {
            note = Note.parse(cosignedCheckpoint);
            checkpoint = Checkpoint.parse(note.text());
        } catch (MalformedNoteException | MalformedCheckpointException e) {
            return new Refused("not a signed checkpoint: " + e.getMessage());
        }
        List<VerifierKey> logKeys = policy.logsOf(checkpoint.origin());
        if (logKeys.isEmpty()) {
            return new Refused("the policy lists no log of origin '" + checkpoint.origin() + "'");
        }
        List<NoteVerifier> known = new ArrayList<>();
        logKeys.forEach(key -> known.add(new Ed25519NoteVerifier(key)));
        policy.witnesses().values().forEach(key -> known.add(new CosignatureVerifier(key)));
        VerifiedNote verified;
        try {
            verified = new NoteVerifiers(known).open(note);
        } catch (NoteVerificationException e) {
            return new Refused(e.getMessage());
        }
        VerifierKey logKey = null;
        List<WitnessCosignature> cosignatures = new ArrayList<>();
        for (VerifiedNote.Verified signature : verified.verified()) {
            if (signature.verifier() instanceof Ed25519NoteVerifier log) {
                logKey = logKey == null ? log.key() : logKey;
            } else if (signature.verifier() instanceof CosignatureVerifier witness) {
                long timestamp = CosignatureV1.timestamp(signature.signature()).orElseThrow();
                cosignatures.add(new WitnessCosignature(nameOf(witness.key()), witness.key(), Instant.ofEpochSecond(timestamp)));
            }
        }
        if (logKey == null) {
            return new Refused("no signature of the log " + checkpoint.origin() + " holds on the checkpoint");
        }
        List<String> cosigners = cosignatures.stream().map(WitnessCosignature::witness).toList();
        if (!policy.isMetBy(cosigners)) {
            return new Refused("the quorum '" + policy.quorum() + "' is not met: cosigned by " + (cosigners.isEmpty() ? "no listed witness" : String.join(", ", cosigners)));
        }
        return new Accepted(checkpoint, logKey, cosignatures, policy.quorum());
    }

    private String nameOf(VerifierKey key) {
        return policy.witnesses().entrySet().stream().filter(entry -> entry.getValue().equals(key))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }
}
