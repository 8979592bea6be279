package org.caseledger.api.integrity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.caseledger.verify.note.MalformedNoteException;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.tlog.MerkleProofs;
import org.caseledger.verify.witness.AddCheckpointRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's own {@link WitnessPublisher}, for the benchmark harness (package {@code bench}), which cannot reach it:
 * a second instance of it on the application's beans, configured with one witness of the benchmark's own, so that
 * the application's scheduled publisher (configured with none) never submits during the other benchmarks.
 */
public final class BenchWitnessPublishing {

    private final WitnessPublisher publisher;
    private final VerifierKey witness;
    private final MerkleLog tree;
    private final JdbcClient jdbc;
    private final PublishedCheckpoints published;

    /** Publishes to the witness at {@code url} (its add-checkpoint prefix), whose cosignature verifier key is {@code vkey}. */
    public BenchWitnessPublishing(ApplicationContext context, String url, String vkey) {
        IntegrityProperties witnessOnly = new IntegrityProperties(null, null, null, 0, 0, null, null,
                List.of(new IntegrityProperties.Witness(url, vkey)), 1);
        this.jdbc = context.getBean(JdbcClient.class);
        this.published = context.getBean(PublishedCheckpoints.class);
        this.tree = context.getBean(MerkleLog.class);
        this.publisher = new WitnessPublisher(jdbc, witnessOnly, published, tree, context.getBean(IntegrityAlarm.class),
                context.getBean(Clock.class));
        this.witness = witnessOnly.witnesses().get(0).verifierKey();
    }

    /** What the scheduler does when a checkpoint is due: submits the newest checkpoint and keeps the cosignature. */
    public void publishLatest() {
        publisher.publishLatest();
    }

    /** The largest tree the witness cosigned and the ledger kept the cosignature of; 0 before the first. */
    public long cosignedSize() {
        return published.cosignedSize(witness.name()).orElse(0L);
    }

    /** The witness's cosignature line the ledger kept for a tree size, as the witness answered it. */
    public String cosignatureLine(long treeSize) {
        return jdbc.sql("SELECT line FROM witness_cosignature WHERE witness = ? AND tree_size = ?").params(witness.name(), treeSize)
                .query(String.class).single();
    }

    /** The request the publisher sends to move the witness from {@code oldSize} to the checkpoint of {@code treeSize}. */
    public AddCheckpointRequest request(long oldSize, long treeSize) throws MalformedNoteException {
        String note = jdbc.sql("SELECT note FROM ledger_checkpoint WHERE tree_size = ?").param(treeSize).query(String.class).single();
        return AddCheckpointRequest.of(oldSize, MerkleProofs.consistencyProof(tree.tree(), oldSize, treeSize),
                Note.parse(note.getBytes(StandardCharsets.UTF_8)));
    }
}
