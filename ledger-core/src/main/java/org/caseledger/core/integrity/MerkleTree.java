package org.caseledger.core.integrity;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Merkle tree over event hashes as RFC 9162 (Certificate Transparency 2.0) defines it: leaves are
 * {@code SHA-256(0x00 || eventHash)}, inner nodes {@code SHA-256(0x01 || left || right)}, and a tree of n leaves
 * splits at the largest power of two below n. Any implementation of that RFC can check the roots and proofs.
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private final List<byte[]> eventHashes;

    public MerkleTree(List<byte[]> eventHashes) {
        if (eventHashes.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint seals at least one event");
        }
        this.eventHashes = List.copyOf(eventHashes);
    }

    public int size() {
        return eventHashes.size();
    }

    public byte[] root() {
        return hash(0, eventHashes.size());
    }

    /** The audit path of the leaf at {@code index}: the sibling hashes from the leaf up to the root. */
    public List<byte[]> inclusionProof(int index) {
        if (index < 0 || index >= eventHashes.size()) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + eventHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        collectPath(index, 0, eventHashes.size(), path);
        return path;
    }

    /** Checks that {@code eventHash} sits at {@code index} of a tree of {@code size} leaves with this root. */
    public static boolean verifyInclusion(byte[] eventHash, int index, int size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1L;
        byte[] r = leafHash(eventHash);
        for (byte[] sibling : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(sibling, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    private byte[] hash(int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leafHash(eventHashes.get(from));
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(hash(from, from + k), hash(from + k, to));
    }

    private void collectPath(int index, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index < from + k) {
            collectPath(index, from, from + k, path);
            path.add(hash(from + k, to));
        } else {
            collectPath(index, from + k, to, path);
            path.add(hash(from, from + k));
        }
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] leafHash(byte[] eventHash) {
        MessageDigest digest = Sha256.digest();
        digest.update(LEAF);
        digest.update(eventHash);
        return digest.digest();
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.digest();
        digest.update(NODE);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }
}
