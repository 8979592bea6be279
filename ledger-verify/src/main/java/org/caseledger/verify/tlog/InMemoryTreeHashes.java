package org.caseledger.verify.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link TreeHashes} over leaf hashes held in memory, keeping the hash of every complete, aligned subtree, so that a
 * range costs a few hashes instead of a pass over its leaves. For tests, tools and small logs.
 */
public final class InMemoryTreeHashes implements TreeHashes {

    /** levels.get(h).get(i) is the hash of the leaves [i * 2^h, (i + 1) * 2^h). */
    private final List<List<Hash>> levels = new ArrayList<>();

    public InMemoryTreeHashes(List<Hash> leafHashes) {
        levels.add(List.copyOf(leafHashes));
        List<Hash> below = levels.get(0);
        while (below.size() > 1) {
            List<Hash> level = new ArrayList<>(below.size() / 2);
            for (int i = 0; i + 1 < below.size(); i += 2) {
                level.add(Merkle.nodeHash(below.get(i), below.get(i + 1)));
            }
            levels.add(level);
            below = level;
        }
    }

    public static InMemoryTreeHashes ofLeaves(List<byte[]> leaves) {
        return new InMemoryTreeHashes(leaves.stream().map(Merkle::leafHash).toList());
    }

    @Override
    public long size() {
        return levels.get(0).size();
    }

    /** The root of the first {@code size} leaves: MTH(D[0:size]), the empty tree's hash for 0. */
    public Hash root(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("no tree of " + size + " leaves among " + size());
        }
        return size == 0 ? Merkle.EMPTY_ROOT : rangeHash(0, size);
    }

    @Override
    public Hash rangeHash(long from, long to) {
        if (from < 0 || to <= from || to > size()) {
            throw new IllegalArgumentException("no leaf range [" + from + ", " + to + ") among " + size() + " leaves");
        }
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            int height = Long.numberOfTrailingZeros(n);
            return levels.get(height).get(Math.toIntExact(from >> height));
        }
        long k = Merkle.split(n);
        return Merkle.nodeHash(rangeHash(from, from + k), rangeHash(from + k, to));
    }
}
