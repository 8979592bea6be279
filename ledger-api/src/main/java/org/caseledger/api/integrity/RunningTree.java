package org.caseledger.api.integrity;

import java.util.ArrayList;
import java.util.List;
import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.tlog.Merkle;

/**
 * The RFC 9162 tree of leaves appended one by one, kept as its complete subtrees of decreasing size (at most one per
 * power of two), so that the root of every prefix is at hand in memory that grows with the logarithm of the size:
 * how verification recomputes the ledger's tree from the checkpoints' entries without trusting what is stored.
 */
final class RunningTree {

    private final List<Hash> subtrees = new ArrayList<>();
    private final List<Long> widths = new ArrayList<>();
    private long size;

    void appendEventHash(byte[] eventHash) {
        Hash hash = Merkle.leafHash(eventHash);
        long width = 1;
        while (!widths.isEmpty() && widths.get(widths.size() - 1) == width) {
            hash = Merkle.nodeHash(subtrees.remove(subtrees.size() - 1), hash);
            widths.remove(widths.size() - 1);
            width *= 2;
        }
        subtrees.add(hash);
        widths.add(width);
        size++;
    }

    long size() {
        return size;
    }

    Hash root() {
        if (subtrees.isEmpty()) {
            return Merkle.EMPTY_ROOT;
        }
        Hash root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = Merkle.nodeHash(subtrees.get(i), root);
        }
        return root;
    }
}
