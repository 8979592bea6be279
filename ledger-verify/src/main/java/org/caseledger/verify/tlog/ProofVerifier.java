package org.caseledger.verify.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Verifies the proofs of RFC 9162 by the algorithms of §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), step for
 * step. Every check answers true or false and never throws on what a log sent, however wrong.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /** RFC 9162 §2.1.3.2: is {@code leafHash} the leaf at {@code index} of the tree of {@code size} leaves with {@code root}? */
    public static boolean verifyInclusion(Hash leafHash, long index, long size, List<Hash> proof, Hash root) {
        // 1. leaf_index must be smaller than tree_size (and a tree with a leaf is not empty).
        if (index < 0 || size <= 0 || index >= size) {
            return false;
        }
        // 2.-3.
        long fn = index;
        long sn = size - 1;
        Hash r = leafHash;
        // 4.
        for (Hash p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Merkle.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = Merkle.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5.
        return sn == 0 && r.equals(root);
    }

    /**
     * Is the tree of {@code second} leaves with {@code secondHash} an extension of the tree of {@code first} leaves
     * with {@code firstHash}? For {@code 0 < first < second} this is RFC 9162 §2.1.4.2. Its edges: an empty tree is
     * a prefix of every tree, so from size 0 the proof must be empty and the first hash the empty tree's; between
     * equal sizes the proof must be empty and the hashes equal.
     */
    public static boolean verifyConsistency(long first, long second, Hash firstHash, Hash secondHash, List<Hash> proof) {
        if (first < 0 || second < first) {
            return false;
        }
        if (first == 0) {
            return proof.isEmpty() && firstHash.equals(Merkle.EMPTY_ROOT)
                    && (second != 0 || secondHash.equals(Merkle.EMPTY_ROOT));
        }
        if (first == second) {
            return proof.isEmpty() && firstHash.equals(secondHash);
        }
        // 1.
        if (proof.isEmpty()) {
            return false;
        }
        // 2.
        List<Hash> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(first) == 1) {
            path.add(firstHash);
        }
        path.addAll(proof);
        // 3.
        long fn = first - 1;
        long sn = second - 1;
        // 4.
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5.
        Hash fr = path.get(0);
        Hash sr = path.get(0);
        // 6.
        for (Hash c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Merkle.nodeHash(c, fr);
                sr = Merkle.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = Merkle.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // 7.
        return fr.equals(firstHash) && sr.equals(secondHash) && sn == 0;
    }
}
