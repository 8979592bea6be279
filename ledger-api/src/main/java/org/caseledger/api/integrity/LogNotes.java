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

    private final LedgerKeys keys;
    private final IntegrityProperties properties;

    LogNotes(LedgerKeys keys, IntegrityProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    public String origin() {
        return properties.logOrigin() != null ? properties.logOrigin() : "case-ledger/" + keys.identity().ledgerId();
    }

    /** The vkey witnesses and auditors verify the ledger's checkpoints with. */
    public VerifierKey verifierKey() {
        return signer(keys.current()).verifierKey();
    }

    /** The vkeys of every key the ledger has signed its checkpoints with, oldest first; the last is {@link #verifierKey()}. */
    public List<VerifierKey> verifierKeys() {
        return keys.epochs().stream().map(epoch -> signer(epoch.key()).verifierKey()).toList();
    }

    /**
     * The prefix of the extension line that names the read-access log's head at the checkpoint:
     * {@code access-log <position> <base64 entry hash>}. Witnesses cosign it with the tree, so the access log is
     * witnessed as the events are (docs/privacy.md).
     */
    public static final String ACCESS_LOG_LINE = "access-log ";

    Note sign(long size, Hash root, List<String> extensionLines) {
        return Note.sign(new Checkpoint(origin(), size, root, extensionLines).format(),
                List.of(new Ed25519NoteSigner(signer(keys.current()))));
    }

    /** Whether the note carries a valid signature of one of this ledger's keys, current or retired. */
    boolean signedByThisLedger(Note note) {
        try {
            new NoteVerifiers(verifierKeys().stream().map(Ed25519NoteVerifier::new).toList()).open(note);
            return true;
        } catch (NoteVerificationException e) {
            return false;
        }
    }

    private SignerKey signer(SigningKey key) {
        return SignerKey.fromSeed(origin(), SignatureType.ED25519, key.ed25519Seed());
    }
}
