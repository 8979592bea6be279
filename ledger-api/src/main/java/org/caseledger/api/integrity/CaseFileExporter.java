package org.caseledger.api.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.ValueProblem;
import org.caseledger.verify.casefile.CaseFileFormat;
import org.caseledger.verify.note.MalformedNoteException;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.primitives.Sha256;
import org.caseledger.verify.tlog.Checkpoint;
import org.caseledger.verify.tlog.Hash;
import org.caseledger.verify.tlog.MalformedCheckpointException;
import org.caseledger.verify.tlog.MerkleProofs;
import org.caseledger.verify.tlog.TreeHashes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the signed, self-contained case file of one case, format 2 (see {@link CaseFile} and {@link CaseFileFormat}).
 * The ledger signs only what it has just verified: a case that does not verify is not exported. The newest checkpoint
 * always travels with the file, with an inclusion proof of every sealed event to it.
 */
@Component
public class CaseFileExporter {

    /** A signed case file: its one byte form, the body as a record, and the fingerprint of the key that signed it. */
    public record Export(byte[] json, CaseFile file, String keyFingerprint) {
    }

    private static final ObjectMapper BODY = JsonMapper.builder().disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    private final JdbcClient jdbc;
    private final SigningKey signingKey;
    private final LedgerVerifier verifier;
    private final PublishedCheckpoints checkpoints;
    private final MerkleLog log;
    private final LogNotes notes;
    private final Clock clock;

    CaseFileExporter(JdbcClient jdbc, SigningKey signingKey, LedgerVerifier verifier, PublishedCheckpoints checkpoints, MerkleLog log,
                     LogNotes notes, Clock clock) {
        this.jdbc = jdbc;
        this.signingKey = signingKey;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.log = log;
        this.notes = notes;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public byte[] export(String caseId, Long since) {
        return exportFile(caseId, since).json();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Export exportFile(String caseId) {
        return exportFile(caseId, null);
    }

    /**
     * @param since a tree size of an earlier checkpoint, whose note and the consistency proof from it the file is to carry;
     *              {@code null} for none
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Export exportFile(String caseId, Long since) {
        return exportFile(caseId, since, (events, streams) -> null);
    }

    /**
     * @param forRecipient what a file for a named recipient adds, given the events the file carries and the stored events
     *                     of any other stream (a person's), proved to the same checkpoint; {@code null} for a file for anyone
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Export exportFile(String caseId, Long since,
                             BiFunction<List<CaseFile.Event>, Function<String, List<CaseFile.Event>>, CaseFile.ForRecipient> forRecipient) {
        VerificationReport report = verifier.verifyStream(caseId);
        if (report.broken()) {
            throw new IntegrityBrokenException(report);
        }
        String note = checkpoints.latestNote().orElse(null);
        long size = note == null ? 0 : sizeOf(note);
        TreeHashes tree = log.tree();
        CaseFile.Since proved = since == null ? null : since(since, size, tree);
        List<CaseFile.Event> events = stream(caseId, size, tree);
        if (events.isEmpty()) {
            throw new NotFoundException("there is no case with id " + caseId);
        }
        VerifierKey key = notes.verifierKey();
        CaseFile.ForRecipient added = forRecipient.apply(events, aggregateId -> verifiedStream(aggregateId, size, tree));
        CaseFile file = new CaseFile(caseId, clock.instant().toString(), new CaseFile.Log(notes.origin(), key.format()), note, proved, events,
                added == null ? null : added.recipient(), added == null ? null : added.law(), added == null ? null : added.persons());
        try {
            String body = new String(BODY.writeValueAsBytes(file), StandardCharsets.UTF_8);
            String keyId = CaseFileFormat.keyId(key.publicKey());
            return new Export(CaseFileFormat.write(body, keyId, signingKey.sign(CaseFileFormat.signedBytes(body))), file, keyId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the case file could not be written", e);
        }
    }

    /** Another stream the file carries (a person's), which the ledger signs only once it has verified it too. */
    private List<CaseFile.Event> verifiedStream(String aggregateId, long size, TreeHashes tree) {
        VerificationReport report = verifier.verifyStream(aggregateId);
        if (report.broken()) {
            throw new IntegrityBrokenException(report);
        }
        return stream(aggregateId, size, tree);
    }

    /** One stream's stored events, each with its inclusion proof to the checkpoint of this size when it covers it. */
    private List<CaseFile.Event> stream(String aggregateId, long size, TreeHashes tree) {
        return jdbc.sql("""
                        SELECT e.global_index, e.aggregate_identifier, e.sequence_number, e.event_identifier, e.payload_type,
                               e.payload_revision, e.payload, e.envelope_digest, e.payload_digest, e.previous_hash, e.hash, l.tree_index
                        FROM domain_event_entry e LEFT JOIN merkle_leaf l ON l.global_index = e.global_index
                        WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number
                        """)
                .param(aggregateId)
                .query((rs, row) -> {
                    Long leaf = (Long) rs.getObject(12);
                    if (leaf != null && leaf >= size) {
                        leaf = null;
                    }
                    return new CaseFile.Event(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Base64.getEncoder().encodeToString(rs.getBytes(7)), Sha256.hex(rs.getBytes(8)),
                            Sha256.hex(rs.getBytes(9)), Sha256.hex(rs.getBytes(10)), Sha256.hex(rs.getBytes(11)), leaf,
                            leaf == null ? null : base64(MerkleProofs.inclusionProof(tree, leaf, size)));
                })
                .list();
    }

    private CaseFile.Since since(long since, long size, TreeHashes tree) {
        if (since < 1 || since > size) {
            throw new InvalidValueException("since", ValueProblem.TREE_SIZE,
                    "since must be the tree size of a checkpoint from 1 to the newest, " + size, 1, size);
        }
        String earlier = checkpoints.noteOfSize(since).orElseThrow(() -> new NotFoundException("no checkpoint has tree size " + since));
        return new CaseFile.Since(earlier, base64(MerkleProofs.consistencyProof(tree, since, size)));
    }

    private static long sizeOf(String note) {
        try {
            return Checkpoint.parse(Note.parse(note.getBytes(StandardCharsets.UTF_8)).text()).size();
        } catch (MalformedNoteException | MalformedCheckpointException e) {
            throw new IllegalStateException("the newest checkpoint note is malformed", e);
        }
    }

    private static List<String> base64(List<Hash> proof) {
        return proof.stream().map(Hash::base64).toList();
    }
}
