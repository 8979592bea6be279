package org.caseledger.verify.tlog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Generates the proofs of RFC 9162 from any {@link TreeHashes}: the inclusion proof (audit path) PATH(m, D[n]) of
 * §2.1.3.1 and the consistency proof PROOF(m, D[n]) of §2.1.4.1.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** MTH(D[0:size]): the root of the tree of the first {@code size} leaves. */
    public static Hash root(TreeHashes tree, long size) {
        requireTreeSize(tree, size);
        return size == 0 ? Merkle.EMPTY_ROOT : tree.rangeHash(0, size);
    }

    /** The inclusion proof of the leaf at {@code index} in the tree of the first {@code size} leaves. */
    public static List<Hash> inclusionProof(TreeHashes tree, long index, long size) {
        requireTreeSize(tree, size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size);
        }
        List<Hash> path = new ArrayList<>();
        // PATH(m, D[start:end]) appends the sibling after the path below it, so walking down collects the path
        // from the root to the leaf; reversed, it runs from the leaf up, as the RFC writes it.
        long start = 0;
        long end = size;
        long m = index;
        while (end - start > 1) {
            long k = Merkle.split(end - start);
            if (m < k) {
                path.add(tree.rangeHash(start + k, end));
                end = start + k;
            } else {
                path.add(tree.rangeHash(start, start + k));
                start += k;
                m -= k;
            }
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }

    /**
     * The consistency proof between the trees of the first {@code first} and the first {@code second} leaves. It is
     * empty when {@code first} is 0 (the empty tree is a prefix of every tree) or equal to {@code second}.
     */
    public static List<Hash> consistencyProof(TreeHashes tree, long first, long second) {
        requireTreeSize(tree, second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from a tree of " + first + " to one of " + second);
        }
        if (first == 0 || first == second) {
            return List.of();
        }
        List<Hash> proof = new ArrayList<>();
        // SUBPROOF(m, D[start:end], b), unrolled: each step appends one sibling after the proof of the subtree below.
        long start = 0;
        long end = second;
        long m = first;
        boolean wholeOldTree = true;
        while (m != end - start) {
            long k = Merkle.split(end - start);
            if (m <= k) {
                proof.add(tree.rangeHash(start + k, end));
                end = start + k;
            } else {
                proof.add(tree.rangeHash(start, start + k));
                start += k;
                m -= k;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree) {
            proof.add(tree.rangeHash(start, end));
        }
        Collections.reverse(proof);
        return List.copyOf(proof);
    }

    private static void requireTreeSize(TreeHashes tree, long size) {
        if (size < 0 || size > tree.size()) {
            throw new IllegalArgumentException("no tree of " + size + " leaves among " + tree.size());
        }
    }
}
