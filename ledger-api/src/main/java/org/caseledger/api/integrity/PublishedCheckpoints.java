package org.caseledger.api.integrity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.caseledger.verify.tlog.Hash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checkpoints as the transparency log publishes them: the signed note of each tree size with the cosignature lines
 * its witnesses returned appended, and whether enough witnesses cosigned for it to count as published
 * ({@code ledger.integrity.witness-quorum}).
 */
@Component
class PublishedCheckpoints {

    private final JdbcClient jdbc;
    private final IntegrityProperties properties;

    PublishedCheckpoints(JdbcClient jdbc, IntegrityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    List<TransparencyLogController.Published> from(long fromSize, int limit) {
        return jdbc.sql("""
                        SELECT c.number, c.tree_size, c.tree_root, c.from_index, c.to_index, c.sealed_at, c.note,
                               coalesce(array_agg(w.witness ORDER BY w.witness) FILTER (WHERE w.witness IS NOT NULL), '{}') AS witnesses
                        FROM ledger_checkpoint c LEFT JOIN witness_cosignature w ON w.checkpoint_number = c.number
                        WHERE c.tree_size IS NOT NULL AND c.tree_size >= ?
                        GROUP BY c.number ORDER BY c.tree_size LIMIT ?
                        """)
                .params(fromSize, limit)
                .query((rs, row) -> {
                    List<String> witnesses = Arrays.asList((String[]) rs.getArray("witnesses").getArray());
                    return new TransparencyLogController.Published(rs.getLong("number"), rs.getLong("tree_size"),
                            Hash.of(rs.getBytes("tree_root")).base64(), rs.getLong("from_index"), rs.getLong("to_index"),
                            rs.getString("sealed_at"), witnesses, witnesses.size() >= properties.witnessQuorum(), rs.getString("note"));
                })
                .list();
    }

    Optional<String> latestNote() {
        return jdbc.sql("SELECT number FROM ledger_checkpoint WHERE tree_size IS NOT NULL ORDER BY tree_size DESC LIMIT 1")
                .query(Long.class).optional().flatMap(this::noteOf);
    }

    Optional<String> noteOfSize(long treeSize) {
        return jdbc.sql("SELECT number FROM ledger_checkpoint WHERE tree_size = ?").param(treeSize).query(Long.class).optional()
                .flatMap(this::noteOf);
    }

    /** The signed note with the cosignature lines appended after the ledger's own signature line. */
    Optional<String> noteOf(long number) {
        return jdbc.sql("SELECT note FROM ledger_checkpoint WHERE number = ?").param(number).query(String.class).optional()
                .map(note -> note + String.join("", jdbc.sql("SELECT line FROM witness_cosignature WHERE checkpoint_number = ? ORDER BY witness")
                        .param(number).query(String.class).list()));
    }

    /** The newest tree size and root each witness cosigned, for the next request to it. */
    Optional<Long> cosignedSize(String witness) {
        return jdbc.sql("SELECT max(tree_size) FROM witness_cosignature WHERE witness = ?").param(witness).query(Long.class).optional();
    }
}
