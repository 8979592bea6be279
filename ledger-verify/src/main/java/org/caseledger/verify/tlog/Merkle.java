package org.caseledger.verify.tlog;

import java.security.MessageDigest;
import org.caseledger.verify.primitives.Sha256;

/**
 * The hashes of RFC 9162 §2.1.1: a leaf is {@code SHA-256(0x00 || data)}, an inner node
 * {@code SHA-256(0x01 || left || right)}, the empty tree {@code SHA-256()}, and a tree of n > 1 leaves splits at the
 * largest power of two smaller than n.
 */
public final class Merkle {

    public static final Hash EMPTY_ROOT = Hash.of(Sha256.of(new byte[0]));

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    /** One digest per thread, always left reset: verification hashes two nodes or so for every event of the ledger. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::digest);

    private Merkle() {
    }

    public static Hash leafHash(byte[] data) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return Hash.of(digest.digest());
    }

    public static Hash nodeHash(Hash left, Hash right) {
        MessageDigest digest = DIGEST.get();
        digest.update(NODE_PREFIX);
        left.writeTo(digest);
        right.writeTo(digest);
        return Hash.of(digest.digest());
    }

    /** k of RFC 9162 §2.1.1: the largest power of two strictly smaller than n, for n > 1. */
    public static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("only a tree of two or more leaves splits, not of " + n);
        }
        return Long.highestOneBit(n - 1);
    }
}
