package org.caseledger.verify.tlog;

/**
 * Where the proofs come from: anything that can answer the Merkle tree hash of a range of leaves. The ledger backs it
 * with the subtree hashes it stores; {@link InMemoryTreeHashes} backs it with a list of leaf hashes.
 */
public interface TreeHashes {

    /** How many leaves there are. */
    long size();

    /**
     * MTH(D[from:to]) of RFC 9162 §2.1.1: the Merkle tree hash of the leaves {@code from} (inclusive) to {@code to}
     * (exclusive), for {@code 0 <= from < to <= size()}. Proof generation asks only for ranges that start at a
     * multiple of the largest power of two not exceeding their length, so a store of complete subtrees answers each
     * with a few hashes.
     */
    Hash rangeHash(long from, long to);
}
