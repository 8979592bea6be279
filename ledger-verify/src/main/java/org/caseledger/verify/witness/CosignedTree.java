package org.caseledger.verify.witness;

import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.tlog.Merkle;

/** The size and root hash of the latest checkpoint a witness cosigned for one log. */
public record CosignedTree(long size, Hash rootHash) {

    /** What a witness holds for a log it never cosigned: the empty tree. */
    public static final CosignedTree EMPTY = new CosignedTree(0, Merkle.EMPTY_ROOT);

    public CosignedTree {
        if (size < 0 || rootHash == null) {
            throw new IllegalArgumentException("a tree has a size of zero or more and a root hash");
        }
    }
}
