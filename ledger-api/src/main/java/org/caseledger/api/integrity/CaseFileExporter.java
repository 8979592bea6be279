package org.caseledger.api.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.core.integrity.MerkleTree;
import org.caseledger.core.integrity.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the signed, self-contained case file of one case (see {@link CaseFile}). The ledger signs only what it
 * has just verified: a case that does not verify is not exported. The newest checkpoint always travels with the
 * file, so that an event the file calls unsealed can be told from one whose seal was removed.
 */
@Component
public class CaseFileExporter {

    /** A signed case file: its one byte form, and the same file as a record for whoever presents it. */
    public record Export(byte[] json, CaseFile file) {
    }

    private final JdbcClient jdbc;
    private final SigningKey signingKey;
    private final LedgerVerifier verifier;
    private final Clock clock;

    public CaseFileExporter(JdbcClient jdbc, SigningKey signingKey, LedgerVerifier verifier, Clock clock) {
        this.jdbc = jdbc;
        this.signingKey = signingKey;
        this.verifier = verifier;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public byte[] export(String caseId) {
        return exportFile(caseId).json();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Export exportFile(String caseId) {
        VerificationReport report = verifier.verifyStream(caseId);
        if ("BROKEN".equals(report.status())) {
            throw new IntegrityBrokenException(report);
        }
        List<CaseFile.Event> events = new ArrayList<>();
        Map<Long, List<byte[]>> leavesByCheckpoint = new HashMap<>();
        List<Object[]> rows = jdbc.sql("SELECT e.global_index, e.aggregate_identifier, e.sequence_number, e.event_identifier, "
                        + "e.payload_type, e.payload_revision, e.payload, e.envelope_digest, e.payload_digest, e.previous_hash, e.hash, "
                        + "c.checkpoint_number, c.leaf_index FROM domain_event_entry e LEFT JOIN checkpoint_entry c ON c.global_index = e.global_index "
                        + "WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number")
                .param(caseId)
                .query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBytes(7), rs.getBytes(8), rs.getBytes(9), rs.getBytes(10), rs.getBytes(11),
                        (Long) rs.getObject(12), (Integer) rs.getObject(13)})
                .list();
        if (rows.isEmpty()) {
            throw new NotFoundException("there is no case with id " + caseId);
        }
        for (Object[] row : rows) {
            Long checkpoint = (Long) row[11];
            Integer leafIndex = (Integer) row[12];
            List<String> proof = null;
            if (checkpoint != null) {
                MerkleTree tree = new MerkleTree(leavesByCheckpoint.computeIfAbsent(checkpoint, this::leaves));
                proof = tree.inclusionProof(leafIndex).stream().map(Sha256::hex).toList();
            }
            events.add(new CaseFile.Event((Long) row[0], (String) row[1], (Long) row[2], (String) row[3], (String) row[4],
                    (String) row[5], Base64.getEncoder().encodeToString((byte[]) row[6]), Sha256.hex((byte[]) row[7]),
                    Sha256.hex((byte[]) row[8]), Sha256.hex((byte[]) row[9]), Sha256.hex((byte[]) row[10]), checkpoint, leafIndex, proof));
        }
        List<Long> numbers = new ArrayList<>(leavesByCheckpoint.keySet());
        Checkpoints.last(jdbc).map(Checkpoint::number).filter(number -> !numbers.contains(number)).ifPresent(numbers::add);
        List<CaseFile.Seal> seals = Checkpoints.numbered(jdbc, numbers).stream()
                .map(c -> new CaseFile.Seal(c.number(), c.seal().fromIndex(), c.seal().toIndex(), c.eventCount(),
                        Sha256.hex(c.seal().merkleRoot()), Sha256.hex(c.seal().previousCheckpointHash()), c.seal().sealedAt().toString(),
                        c.seal().keyId(), Sha256.hex(c.signature())))
                .toList();
        CaseFile unsigned = new CaseFile(CaseFile.FORMAT, caseId, clock.instant().toString(), signingKey.keyId(), events, seals, null);
        try {
            byte[] body = CaseFileJson.MAPPER.writeValueAsBytes(unsigned);
            CaseFile signed = unsigned.withSignature(Sha256.hex(signingKey.sign(body)));
            return new Export(CaseFileJson.MAPPER.writeValueAsBytes(signed), signed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the case file could not be written", e);
        }
    }

    private List<byte[]> leaves(long checkpoint) {
        return jdbc.sql("SELECT hash FROM checkpoint_entry WHERE checkpoint_number = ? ORDER BY leaf_index")
                .param(checkpoint).query((rs, row) -> rs.getBytes(1)).list();
    }
}
