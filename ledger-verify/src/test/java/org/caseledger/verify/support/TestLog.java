package org.caseledger.verify.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.caseledger.verify.note.Ed25519NoteSigner;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.tlog.Checkpoint;
import org.caseledger.verify.tlog.InMemoryTreeHashes;
import org.caseledger.verify.tlog.Merkle;
import org.caseledger.verify.tlog.MerkleProofs;
import org.caseledger.verify.witness.AddCheckpointRequest;

/** A small log for tests: a fixed key, leaves named after a prefix, signed checkpoints and add-checkpoint requests. */
public final class TestLog {

    public static final String ORIGIN = "ledger.example.se/case-ledger";

    private final SignerKey key;
    private final String leafPrefix;
    private final int size;

    private TestLog(SignerKey key, String leafPrefix, int size) {
        this.key = key;
        this.leafPrefix = leafPrefix;
        this.size = size;
    }

    /** The log of {@link #ORIGIN} with a key from a fixed seed and {@code size} leaves. */
    public static TestLog of(int size) {
        return new TestLog(SignerKey.fromSeed(ORIGIN, SignatureType.ED25519, seed(1)), "event-", size);
    }

    /** The same key and origin over other leaves: a fork of the log. */
    public TestLog fork() {
        return new TestLog(key, "forged-", size);
    }

    /** The same origin and leaves, signed by another key that carries the same name. */
    public TestLog impostor() {
        return new TestLog(SignerKey.fromSeed(ORIGIN, SignatureType.ED25519, seed(2)), leafPrefix, size);
    }

    public VerifierKey verifierKey() {
        return key.verifierKey();
    }

    public SignerKey signerKey() {
        return key;
    }

    public InMemoryTreeHashes tree() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add((leafPrefix + i).getBytes(StandardCharsets.UTF_8));
        }
        return InMemoryTreeHashes.ofLeaves(leaves);
    }

    public Checkpoint checkpoint(long treeSize) {
        return new Checkpoint(ORIGIN, treeSize, treeSize == 0 ? Merkle.EMPTY_ROOT : tree().root(treeSize));
    }

    public Note signed(long treeSize) {
        return Note.sign(checkpoint(treeSize).format(), List.of(new Ed25519NoteSigner(key)));
    }

    /** A request to move a witness from {@code oldSize} to {@code newSize}, with the true consistency proof. */
    public AddCheckpointRequest request(long oldSize, long newSize) {
        return AddCheckpointRequest.of(oldSize, MerkleProofs.consistencyProof(tree(), oldSize, newSize), signed(newSize));
    }

    public static byte[] seed(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[31] = 0x42;
        return seed;
    }
}
