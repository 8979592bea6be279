package org.caseledger.api.integrity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.tlog.Merkle;
import org.caseledger.verify.tlog.MerkleProofs;
import org.caseledger.verify.tlog.TreeHashes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one RFC 9162 Merkle tree over every sealed event, in global order: its leaves ({@code merkle_leaf}) and the
 * complete subtrees above them ({@code merkle_node}), appended in the sealer's transaction. It answers the tree hash of
 * any range from what is stored, and so the roots and proofs of any size; it is a cache that verification does not
 * trust (it recomputes the tree from the checkpoints' entries).
 */
@Component
class MerkleLog {

    /** A leaf to append: the event hash and where the event lies. */
    record Leaf(long globalIndex, byte[] eventHash) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    MerkleLog(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long size() {
        return jdbc.sql("SELECT coalesce(max(tree_index) + 1, 0) FROM merkle_leaf").query(Long.class).single();
    }

    /**
     * Appends leaves for the sealed events not yet in the tree (those sealed before the tree existed), in global order,
     * then the given ones; answers the new size. Run in the sealer's transaction, under its lock.
     */
    long append(List<Leaf> leaves) {
        List<Leaf> all = new ArrayList<>(jdbc.sql("""
                        SELECT e.global_index, e.hash FROM checkpoint_entry e
                        WHERE e.global_index > (SELECT coalesce(max(global_index), 0) FROM merkle_leaf) ORDER BY e.global_index
                        """)
                .query((rs, row) -> new Leaf(rs.getLong(1), rs.getBytes(2))).list());
        all.addAll(leaves);
        long size = size();
        Map<String, byte[]> frontier = new HashMap<>();
        List<Object[]> leafRows = new ArrayList<>();
        List<Object[]> nodeRows = new ArrayList<>();
        for (Leaf leaf : all) {
            long index = size++;
            Hash hash = Merkle.leafHash(leaf.eventHash());
            leafRows.add(new Object[] {index, leaf.globalIndex(), hash.bytes()});
            remember(frontier, 0, index, hash);
            long node = index;
            for (int level = 0; (node & 1) == 1; level++, node >>= 1) {
                Hash parent = Merkle.nodeHash(stored(frontier, level, node - 1), hash);
                remember(frontier, level + 1, node >> 1, parent);
                nodeRows.add(new Object[] {level + 1, node >> 1, parent.bytes()});
                hash = parent;
            }
        }
        batch.batchUpdate("INSERT INTO merkle_leaf (tree_index, global_index, leaf_hash) VALUES (?, ?, ?)", leafRows);
        batch.batchUpdate("INSERT INTO merkle_node (level, node_index, hash) VALUES (?, ?, ?)", nodeRows);
        return size;
    }

    /** The tree as it stands, for roots and proofs. */
    TreeHashes tree() {
        return new Stored(size());
    }

    Hash root(long size) {
        return MerkleProofs.root(new Stored(size), size);
    }

    /** The tree index of the event sealed at this global position, if it is in the tree. */
    java.util.Optional<Long> indexOf(long globalIndex) {
        return jdbc.sql("SELECT tree_index FROM merkle_leaf WHERE global_index = ?").param(globalIndex).query(Long.class).optional();
    }

    private static void remember(Map<String, byte[]> frontier, int level, long index, Hash hash) {
        frontier.put(level + ":" + index, hash.bytes());
    }

    private Hash stored(Map<String, byte[]> frontier, int level, long index) {
        byte[] known = frontier.get(level + ":" + index);
        return known != null ? Hash.of(known) : node(level, index);
    }

    private Hash node(int level, long index) {
        byte[] hash = level == 0
                ? jdbc.sql("SELECT leaf_hash FROM merkle_leaf WHERE tree_index = ?").param(index).query(byte[].class).single()
                : jdbc.sql("SELECT hash FROM merkle_node WHERE level = ? AND node_index = ?").params(level, index).query(byte[].class).single();
        return Hash.of(hash);
    }

    /** Tree hashes from the stored leaves and complete subtrees, for ranges within the first {@code size} leaves. */
    private final class Stored implements TreeHashes {

        private final long size;
        private final Map<String, Hash> read = new HashMap<>();

        Stored(long size) {
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public Hash rangeHash(long from, long to) {
            long width = to - from;
            if (width == 1) {
                return cached(0, from);
            }
            int level = Long.numberOfTrailingZeros(width);
            if (Long.bitCount(width) == 1 && from % width == 0) {
                return cached(level, from >> level);
            }
            long split = Merkle.split(width);
            return Merkle.nodeHash(rangeHash(from, from + split), rangeHash(from + split, to));
        }

        private Hash cached(int level, long index) {
            return read.computeIfAbsent(level + ":" + index, key -> node(level, index));
        }
    }
}
