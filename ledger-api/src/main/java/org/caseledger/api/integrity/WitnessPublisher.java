package org.caseledger.api.integrity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.caseledger.verify.note.MalformedNoteException;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.NoteSignature;
import org.caseledger.verify.note.NoteVerificationException;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.tlog.MerkleProofs;
import org.caseledger.verify.witness.AddCheckpointRequest;
import org.caseledger.verify.witness.CosignatureVerifier;
import org.caseledger.verify.witness.WitnessAnswer;
import org.caseledger.verify.witness.WitnessClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Submits each new checkpoint to every configured witness (c2sp.org/tlog-witness), with a consistency proof from the
 * size the witness last cosigned, and keeps the cosignatures it returns (checked against the witness's key). A witness
 * that refuses the checkpoint as no extension of what it cosigned, or that has cosigned a larger tree than the
 * ledger now holds, means the history was rewritten or rolled back: the integrity alarm is raised. A witness out of
 * reach is tried again at the next poll.
 */
@Component
class WitnessPublisher {

    private static final Logger log = LoggerFactory.getLogger(WitnessPublisher.class);

    /** A checkpoint to publish. */
    private record Latest(long number, long treeSize, Note note) {
    }

    private final JdbcClient jdbc;
    private final IntegrityProperties properties;
    private final PublishedCheckpoints published;
    private final MerkleLog tree;
    private final IntegrityAlarm alarm;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WitnessPublisher(JdbcClient jdbc, IntegrityProperties properties, PublishedCheckpoints published, MerkleLog tree, IntegrityAlarm alarm,
                     Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.published = published;
        this.tree = tree;
        this.alarm = alarm;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ledger.integrity.checkpoint-poll:PT5S}", initialDelayString = "${ledger.integrity.checkpoint-poll:PT5S}")
    void publishWhenDue() {
        if (alarm.current().isEmpty() && !properties.witnesses().isEmpty()) {
            publishLatest();
        }
    }

    /** Submits the newest checkpoint to each witness that has not cosigned it yet. */
    void publishLatest() {
        Optional<Latest> latest = latest();
        if (latest.isEmpty()) {
            return;
        }
        for (IntegrityProperties.Witness witness : properties.witnesses()) {
            VerifierKey key = witness.verifierKey();
            long cosigned = published.cosignedSize(key.name()).orElse(0L);
            if (cosigned < latest.get().treeSize()) {
                submit(witness, key, cosigned, latest.get(), true);
            }
        }
    }

    /**
     * Asks every witness whether the database's newest checkpoint is still what it cosigned, or behind it: the checkpoint
     * is submitted again as if the witness had cosigned it already ({@code old} its own size, no proof), which changes
     * nothing in a witness's state. A witness that cosigned a larger tree answers with that size, one that cosigned
     * another tree of the same size refuses: either way the database has lost or had removed sealed events (a failover to
     * a standby that was behind, a restore to an earlier point, a superuser). A node that remembers no checkpoint of this
     * ledger asks this before it takes the database's newest checkpoint for the truth and signs anything after it. A
     * witness out of reach cannot tell, and is passed over: the publisher asks it again with the next checkpoint.
     */
    Optional<VerificationReport.Problem> confirm() {
        Optional<Latest> latest = latest();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        for (IntegrityProperties.Witness witness : properties.witnesses()) {
            VerifierKey key = witness.verifierKey();
            Optional<WitnessAnswer> answer = ask(witness, key, AddCheckpointRequest.of(latest.get().treeSize(), List.of(), latest.get().note()),
                    latest.get());
            if (answer.isPresent() && answer.get() instanceof WitnessAnswer.Conflict conflict && conflict.latestSize() > latest.get().treeSize()) {
                return Optional.of(refused(latest.get(), "witness " + key.name() + " has cosigned a tree of " + conflict.latestSize()
                        + " events; the database's newest checkpoint has " + latest.get().treeSize() + ": the sealed events from leaf "
                        + latest.get().treeSize() + " on are not in this database"));
            }
            if (answer.isPresent() && answer.get() instanceof WitnessAnswer.Refused refusal) {
                return Optional.of(refused(latest.get(), "witness " + key.name() + " refuses the database's newest checkpoint, of size "
                        + latest.get().treeSize() + " (" + refusal.httpStatus() + ": " + refusal.message() + ")"));
            }
        }
        return Optional.empty();
    }

    private void submit(IntegrityProperties.Witness witness, VerifierKey key, long oldSize, Latest latest, boolean mayRetry) {
        AddCheckpointRequest request = AddCheckpointRequest.of(oldSize, MerkleProofs.consistencyProof(tree.tree(), oldSize, latest.treeSize()),
                latest.note());
        Optional<WitnessAnswer> answered = ask(witness, key, request, latest);
        if (answered.isEmpty()) {
            return;
        }
        WitnessAnswer answer = answered.get();
        if (answer instanceof WitnessAnswer.Cosigned cosigned) {
            keep(key, latest, cosigned.cosignatures());
        } else if (answer instanceof WitnessAnswer.Conflict conflict) {
            if (conflict.latestSize() > latest.treeSize()) {
                alarm.raise(refused(latest, "witness " + key.name() + " has cosigned a tree of " + conflict.latestSize()
                        + " events; the ledger's newest checkpoint has " + latest.treeSize() + ": history was rolled back"));
            } else if (mayRetry) {
                submit(witness, key, conflict.latestSize(), latest, false);
            }
        } else if (answer instanceof WitnessAnswer.Refused refusal) {
            alarm.raise(refused(latest, "witness " + key.name() + " refuses the checkpoint of size " + latest.treeSize() + " ("
                    + refusal.httpStatus() + ": " + refusal.message() + ")"));
        }
    }

    /** The witness's answer, or empty when it could not be reached. */
    private Optional<WitnessAnswer> ask(IntegrityProperties.Witness witness, VerifierKey key, AddCheckpointRequest request, Latest latest) {
        try {
            return Optional.of(new WitnessClient(URI.create(witness.url()), http, Duration.ofSeconds(10)).addCheckpoint(request));
        } catch (IOException e) {
            log.warn("witness {} did not answer ({}); the checkpoint of size {} waits for it", key.name(), e.getMessage(), latest.treeSize());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void keep(VerifierKey key, Latest latest, List<NoteSignature> cosignatures) {
        Note cosignedNote;
        try {
            cosignedNote = WitnessClient.attachCosignatures(latest.note(), cosignatures, new CosignatureVerifier(key));
        } catch (NoteVerificationException e) {
            log.warn("witness {} returned a cosignature that does not verify with its key; it is not kept", key.name());
            return;
        }
        cosignedNote.signatures().stream()
                .filter(signature -> signature.keyName().equals(key.name()) && signature.keyId() == key.keyId())
                .findFirst()
                .ifPresent(signature -> jdbc.sql("""
                                INSERT INTO witness_cosignature (checkpoint_number, witness, tree_size, line, received_at)
                                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                                """)
                        .params(latest.number(), key.name(), latest.treeSize(), signature.line(), Timestamp.from(clock.instant()))
                        .update());
    }

    private Optional<Latest> latest() {
        return jdbc.sql("SELECT number, tree_size, note FROM ledger_checkpoint WHERE tree_size IS NOT NULL ORDER BY tree_size DESC LIMIT 1")
                .query((rs, row) -> {
                    try {
                        return new Latest(rs.getLong(1), rs.getLong(2), Note.parse(rs.getString(3).getBytes(StandardCharsets.UTF_8)));
                    } catch (MalformedNoteException e) {
                        throw new IllegalStateException("the stored note of checkpoint " + rs.getLong(1) + " is malformed", e);
                    }
                })
                .optional();
    }

    private static VerificationReport.Problem refused(Latest latest, String detail) {
        return new VerificationReport.Problem(BreakKind.CHECKPOINT_ROLLED_BACK, null, null, null, latest.number(), detail);
    }
}
