package org.caseledger.verify.trust;

import java.time.Instant;
import java.util.List;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.tlog.Checkpoint;

/** What verifying a cosigned checkpoint against a trust policy found. */
public sealed interface CheckpointVerdict {

    boolean accepted();

    /**
     * The log signed the checkpoint and the witnesses the policy asks for cosigned it. Names every key relied on, with
     * its fingerprint (SHA-256 of the raw public key), so the auditor can compare them with the key owners'.
     */
    record Accepted(Checkpoint checkpoint, VerifierKey logKey, List<WitnessCosignature> cosignatures, String quorum)
            implements CheckpointVerdict {

        public Accepted {
            cosignatures = List.copyOf(cosignatures);
        }

        @Override
        public boolean accepted() {
            return true;
        }
    }

    /** The checkpoint is not to be relied on, and why. */
    record Refused(String reason) implements CheckpointVerdict {

        @Override
        public boolean accepted() {
            return false;
        }
    }

    /** A witness of the policy whose cosignature holds, and the time it states. */
    record WitnessCosignature(String witness, VerifierKey key, Instant cosignedAt) {
    }
}
