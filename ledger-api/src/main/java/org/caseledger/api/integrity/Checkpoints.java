package org.caseledger.api.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caseledger.core.integrity.CheckpointSeal;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reading and writing the {@code ledger_checkpoint} table. */
final class Checkpoints {

    private static final String COLUMNS = "format, number, from_index, to_index, event_count, merkle_root, previous_checkpoint_hash, "
            + "sealed_at, key_id, signature, hash, tree_size";

    private Checkpoints() {
    }

    static Optional<Checkpoint> last(JdbcClient jdbc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_checkpoint ORDER BY number DESC LIMIT 1")
                .query(Checkpoints::read).optional();
    }

    static List<Checkpoint> all(JdbcClient jdbc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_checkpoint ORDER BY number").query(Checkpoints::read).list();
    }

    static List<Checkpoint> numbered(JdbcClient jdbc, List<Long> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_checkpoint WHERE number = ANY (?) ORDER BY number")
                .param(numbers.toArray(Long[]::new)).query(Checkpoints::read).list();
    }

    /** The checkpoints numbered {@code from..to}, in order; a missing number is simply absent. */
    static List<Checkpoint> range(JdbcClient jdbc, long from, long to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_checkpoint WHERE number BETWEEN ? AND ? ORDER BY number")
                .params(from, to).query(Checkpoints::read).list();
    }

    /** Stores the checkpoint with the signed note the transparency log publishes of the same tree. */
    static void insert(JdbcClient jdbc, Checkpoint checkpoint, String note) {
        CheckpointSeal seal = checkpoint.seal();
        jdbc.sql("INSERT INTO ledger_checkpoint (" + COLUMNS + ", tree_root, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seal.format(), seal.number(), seal.fromIndex(), seal.toIndex(), seal.eventCount(), seal.root(),
                        seal.previousCheckpointHash(), seal.sealedAt().toString(), seal.keyId(), checkpoint.signature(), seal.hash(),
                        seal.treeSize(), seal.root(), note)
                .update();
    }

    /** The stored hash column is not trusted: {@link Checkpoint#hash()} is always recomputed from the seal. */
    private static Checkpoint read(ResultSet rs, int row) throws SQLException {
        int format = rs.getInt("format");
        return new Checkpoint(new CheckpointSeal(format, rs.getLong("number"), rs.getLong("from_index"), rs.getLong("to_index"),
                rs.getInt("event_count"), format == 1 ? 0 : rs.getLong("tree_size"), rs.getBytes("merkle_root"),
                rs.getBytes("previous_checkpoint_hash"),
                Instant.parse(rs.getString("sealed_at")), rs.getString("key_id")), rs.getBytes("signature"));
    }
}
