package org.caseledger.api.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.ValueProblem;
import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.tlog.MerkleProofs;
import org.caseledger.verify.tlog.TreeHashes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger as a transparency log (docs/integrity.md, "The transparency log"): its checkpoints as C2SP signed notes with
 * the witnesses' cosignatures, and RFC 9162 consistency and inclusion proofs between and into any of them.
 */
@RestController
class TransparencyLogController {

    /** One checkpoint as published. */
    record Published(long number, long treeSize, String rootHash, long fromIndex, long toIndex, String sealedAt, List<String> witnesses,
                     boolean published, String note) {
    }

    /** A consistency proof of RFC 9162 §2.1.4 between two tree sizes. */
    record ConsistencyProof(long first, long second, List<String> proof) {
    }

    /** An inclusion proof of RFC 9162 §2.1.3 of the event sealed at a global position, in the tree of a size. */
    record InclusionProof(long globalIndex, long leafIndex, long treeSize, String leafHash, List<String> proof) {
    }

    private static final int MAX_LIMIT = 1000;
    private static final MediaType NOTE = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final PublishedCheckpoints checkpoints;
    private final MerkleLog log;
    private final LogNotes notes;

    TransparencyLogController(PublishedCheckpoints checkpoints, MerkleLog log, LogNotes notes) {
        this.checkpoints = checkpoints;
        this.log = log;
        this.notes = notes;
    }

    /** The vkey (c2sp.org/signed-note) the ledger's checkpoints are signed with, for witnesses and auditors. */
    @Operation(summary = "Read the log's verifier key", description = """
            The key the ledger's checkpoints are signed with, as a signed-note verifier key (c2sp.org/signed-note), for \
            witnesses and auditors. Needs no sign-in.""")
    @SecurityRequirements
    @GetMapping(value = "/api/v1/audit/log-key", produces = "text/plain")
    ResponseEntity<String> logKey() {
        return ResponseEntity.ok().contentType(NOTE).body(notes.verifierKey() + "\n");
    }

    @Operation(summary = "List checkpoints", description = """
            The sealed checkpoints from tree size `fromSize` on, at most `limit` of them: each with its tree size, root, \
            the events it seals, when, and which witnesses cosigned it.""")
    @GetMapping("/api/v1/audit/checkpoints")
    List<Published> list(@RequestParam(defaultValue = "0") long fromSize, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT || fromSize < 0) {
            throw limit < 1 || limit > MAX_LIMIT
                    ? new InvalidValueException("limit", ValueProblem.OUT_OF_RANGE, "limit must be between 1 and " + MAX_LIMIT, 1, MAX_LIMIT)
                    : new InvalidValueException("fromSize", ValueProblem.NOT_NEGATIVE, "fromSize must not be negative");
        }
        return checkpoints.from(fromSize, limit);
    }

    /** The newest checkpoint as a signed note, with the witnesses' cosignatures. */
    @Operation(summary = "Read the newest checkpoint", description = """
            The newest checkpoint as a signed note (c2sp.org/tlog-checkpoint), with the witnesses' cosignatures. Keep it: \
            a later case file must prove it extends it (`?since=` on the export).""")
    @GetMapping(value = "/api/v1/audit/checkpoints/latest", produces = "text/plain")
    ResponseEntity<String> latest() {
        return ResponseEntity.ok().contentType(NOTE).body(checkpoints.latestNote()
                .orElseThrow(() -> new NotFoundException("no checkpoint has been published yet")));
    }

    /** The checkpoint of this tree size as a signed note, with the witnesses' cosignatures. */
    @Operation(summary = "Read the checkpoint of a tree size", description = """
            The checkpoint of this tree size as a signed note, with the witnesses' cosignatures.""")
    @GetMapping(value = "/api/v1/audit/checkpoints/{treeSize}", produces = "text/plain")
    ResponseEntity<String> ofSize(@PathVariable long treeSize) {
        return ResponseEntity.ok().contentType(NOTE).body(checkpoints.noteOfSize(treeSize)
                .orElseThrow(() -> new NotFoundException("no checkpoint has tree size " + treeSize)));
    }

    @Operation(summary = "Prove the log only grew", description = """
            An RFC 9162 consistency proof between two tree sizes: that the tree of `second` extends the tree of `first`, \
            nothing in it changed or removed.""")
    @GetMapping("/api/v1/audit/proofs/consistency")
    ConsistencyProof consistency(@RequestParam long first, @RequestParam long second) {
        TreeHashes tree = log.tree();
        if (first < 0 || first > second || second > tree.size()) {
            throw first < 0 || first > second
                    ? new InvalidValueException("first", ValueProblem.TREE_SIZE, "need 0 <= first <= second", 0, second)
                    : new InvalidValueException("second", ValueProblem.TREE_SIZE, "need first <= second <= " + tree.size(), first, tree.size());
        }
        return new ConsistencyProof(first, second, base64(MerkleProofs.consistencyProof(tree, first, second)));
    }

    @Operation(summary = "Prove an event is in the log", description = """
            An RFC 9162 inclusion proof of the event sealed at global index `globalIndex` in the tree of size \
            `treeSize`.""")
    @GetMapping("/api/v1/audit/proofs/inclusion")
    InclusionProof inclusion(@RequestParam long globalIndex, @RequestParam long treeSize) {
        // A negative number is a malformed question, not one about an event the log does not hold.
        if (globalIndex < 0) {
            throw new InvalidValueException("globalIndex", ValueProblem.NOT_NEGATIVE, "globalIndex is a position in the ledger, 0 or more");
        }
        if (treeSize < 0) {
            throw new InvalidValueException("treeSize", ValueProblem.NOT_NEGATIVE, "treeSize is a number of leaves, 0 or more");
        }
        TreeHashes tree = log.tree();
        long leaf = log.indexOf(globalIndex).orElseThrow(() -> new NotFoundException("no sealed event at global index " + globalIndex));
        if (treeSize <= leaf || treeSize > tree.size()) {
            throw new InvalidValueException("treeSize", ValueProblem.TREE_SIZE,
                    "the tree size must be above the event's leaf index " + leaf + " and at most " + tree.size(), leaf + 1, tree.size());
        }
        return new InclusionProof(globalIndex, leaf, treeSize, tree.rangeHash(leaf, leaf + 1).base64(),
                base64(MerkleProofs.inclusionProof(tree, leaf, treeSize)));
    }

    private static List<String> base64(List<Hash> proof) {
        return proof.stream().map(Hash::base64).toList();
    }
}
