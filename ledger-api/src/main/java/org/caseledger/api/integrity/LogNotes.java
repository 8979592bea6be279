package org.caseledger.api.integrity;

import java.util.List;
import org.caseledger.verify.note.Ed25519NoteSigner;
import org.caseledger.verify.note.Ed25519NoteVerifier;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.NoteVerificationException;
import org.caseledger.verify.note.NoteVerifiers;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.tlog.Checkpoint;
import org.caseledger.verify.tlog.Hash;
import org.springframework.stereotype.Component;

/**
 * The ledger's checkpoints as C2SP checkpoints (c2sp.org/tlog-checkpoint) in signed notes (c2sp.org/signed-note): the
 * log's origin, tree size and root, signed with the ledger's Ed25519 key under the origin as key name. The origin is
 * {@code ledger.integrity.log-origin}, by default {@code case-ledger/<ledger id>}.
 */
@Component
public class LogNotes {

    private final SigningKey signingKey;
    private final IntegrityProperties properties;
    private final EventAuthentication ledger;

    LogNotes(SigningKey signingKey, IntegrityProperties properties, EventAuthentication ledger) {
        this.signingKey = signingKey;
        this.properties = properties;
        this.ledger = ledger;
    }

    public String origin() {
        return properties.logOrigin() != null ? properties.logOrigin() : "case-ledger/" + ledger.identity().ledgerId();
    }

    /** The vkey witnesses and auditors verify the ledger's checkpoints with. */
    public VerifierKey verifierKey() {
        return signer().verifierKey();
    }

    /**
     * The prefix of the extension line that names the read-access log's head at the checkpoint:
     * {@code access-log <position> <base64 entry hash>}. Witnesses cosign it with the tree, so the access log is
     * witnessed as the events are (docs/privacy.md).
     */
    public static final String ACCESS_LOG_LINE = "access-log ";

    Note sign(long size, Hash root, List<String> extensionLines) {
        return Note.sign(new Checkpoint(origin(), size, root, extensionLines).format(), List.of(new Ed25519NoteSigner(signer())));
    }

    /** Whether the note carries a valid signature of this ledger's key. */
    boolean signedByThisLedger(Note note) {
        try {
            new NoteVerifiers(List.of(new Ed25519NoteVerifier(verifierKey()))).open(note);
            return true;
        } catch (NoteVerificationException e) {
            return false;
        }
    }

    private SignerKey signer() {
        return SignerKey.fromSeed(origin(), SignatureType.ED25519, signingKey.ed25519Seed());
    }
}
