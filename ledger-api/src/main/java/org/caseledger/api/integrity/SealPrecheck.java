package org.caseledger.api.integrity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caseledger.core.integrity.Ed25519;
import org.caseledger.verify.event.EventHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the sealer checks before it signs anything: that the newest checkpoint in the database is one this ledger
 * signed and no older than the newest this node remembers or, when it remembers none, than the newest the witnesses
 * cosigned (no rollback), and that every event it is about to seal is whole, carries a valid authenticator and links,
 * with no hole, to its stream's last sealed event or to the event before it in the same batch. The first problem found
 * is answered, located; nothing is sealed then.
 */
@Component
class SealPrecheck {

    /** The name the events' checkpoints are remembered under. */
    private static final String LOG = "events";

    /** A pending event as stored, with its authenticator. */
    record Pending(StoredEvent event, byte[] authenticator) {
    }

    /** The last event of a stream as sealed or as about to be sealed. */
    private record Tip(long sequenceNumber, byte[] hash) {
    }

    private final JdbcClient jdbc;
    private final EventAuthentication authentication;
    private final LedgerKeys keys;
    private final CheckpointMemory memory;
    private final WitnessPublisher witnesses;

    SealPrecheck(JdbcClient jdbc, EventAuthentication authentication, LedgerKeys keys, CheckpointMemory memory, WitnessPublisher witnesses) {
        this.jdbc = jdbc;
        this.authentication = authentication;
        this.keys = keys;
        this.memory = memory;
        this.witnesses = witnesses;
    }

    /** The first problem with the newest checkpoint; remembers it when it holds. */
    Optional<VerificationReport.Problem> checkNewest(Optional<Checkpoint> newest) {
        UUID ledger = authentication.identity().ledgerId();
        Optional<CheckpointMemory.Remembered> remembered = memory.of(ledger, LOG);
        if (newest.isEmpty()) {
            return remembered.map(known -> rolledBack(known.number(), "the ledger holds no checkpoint, but this node remembers checkpoint "
                    + known.number()));
        }
        Checkpoint latest = newest.get();
        Optional<VerificationReport.Problem> signature = signatureOf(latest);
        if (signature.isPresent()) {
            return signature;
        }
        if (remembered.isPresent()) {
            CheckpointMemory.Remembered known = remembered.get();
            if (latest.number() < known.number()) {
                return Optional.of(rolledBack(known.number(), "the newest checkpoint is " + latest.number() + ", but this node remembers "
                        + "checkpoint " + known.number() + ": checkpoints were removed"));
            }
            Optional<VerificationReport.Problem> chain = chainFrom(known, latest);
            if (chain.isPresent()) {
                return chain;
            }
        } else {
            // Nothing remembered (a new node, a lost memory file): only the witnesses can tell that the database's newest
            // checkpoint is not the newest this ledger published.
            Optional<VerificationReport.Problem> witnessed = witnesses.confirm();
            if (witnessed.isPresent()) {
                return witnessed;
            }
        }
        memory.remember(ledger, LOG, latest.number(), latest.hash());
        return Optional.empty();
    }

    /** The first problem among the events about to be sealed, in global order. */
    Optional<VerificationReport.Problem> checkPending(List<Pending> pending) {
        Map<String, Tip> tips = new HashMap<>(sealedTips(pending));
        for (Pending row : pending) {
            StoredEvent event = row.event();
            VerificationReport.Problem content = event.checkContent();
            if (content != null) {
                return Optional.of(content);
            }
            if (!authentication.isAuthentic(event.globalIndex(), event.hash(), row.authenticator())) {
                return Optional.of(event.problem(BreakKind.EVENT_NOT_AUTHENTIC, row.authenticator() == null
                        ? "the row carries no authenticator: the ledger did not append it"
                        : "the row's authenticator does not match its hash: the ledger did not append it as it is"));
            }
            Tip tip = tips.get(event.aggregateId());
            long expectedSequence = tip == null ? 0 : tip.sequenceNumber() + 1;
            VerificationReport.Problem link = event.checkLink(expectedSequence, tip == null ? EventHash.GENESIS : tip.hash());
            if (link == null && event.sequenceNumber() < expectedSequence) {
                link = event.problem(BreakKind.EVENT_INSERTED, "the stream's event " + event.sequenceNumber() + " is already sealed");
            }
            if (link != null) {
                return Optional.of(link);
            }
            tips.put(event.aggregateId(), new Tip(event.sequenceNumber(), event.hash()));
        }
        return Optional.empty();
    }

    /** Called once a checkpoint this node signed is stored. */
    void signed(Checkpoint checkpoint) {
        memory.remember(authentication.identity().ledgerId(), LOG, checkpoint.number(), checkpoint.hash());
    }

    /** The last sealed event of each stream the batch continues, as the checkpoints' entries recorded it. */
    private Map<String, Tip> sealedTips(List<Pending> pending) {
        String[] continued = pending.stream().map(Pending::event).filter(event -> event.sequenceNumber() > 0)
                .map(StoredEvent::aggregateId).distinct().toArray(String[]::new);
        Map<String, Tip> tips = new HashMap<>();
        if (continued.length > 0) {
            jdbc.sql("""
                            SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number, hash FROM checkpoint_entry
                            WHERE aggregate_identifier = ANY (?) ORDER BY aggregate_identifier, sequence_number DESC
                            """)
                    .param(continued)
                    .query(rs -> {
                        tips.put(rs.getString(1), new Tip(rs.getLong(2), rs.getBytes(3)));
                    });
        }
        return tips;
    }

    private Optional<VerificationReport.Problem> signatureOf(Checkpoint checkpoint) {
        boolean ours = keys.byKeyId(checkpoint.seal().keyId())
                .filter(key -> Ed25519.verify(key.publicKey(), checkpoint.seal().canonicalBytes(), checkpoint.signature())).isPresent();
        return ours ? Optional.empty() : Optional.of(new VerificationReport.Problem(BreakKind.CHECKPOINT_SIGNATURE_INVALID, null, null,
                null, checkpoint.number(), "checkpoint " + checkpoint.number() + " was not signed by a key of this ledger (its key id: "
                + checkpoint.seal().keyId() + ")"));
    }

    /** The checkpoints from the remembered one to the newest: the remembered one unchanged, each signed and linked. */
    private Optional<VerificationReport.Problem> chainFrom(CheckpointMemory.Remembered known, Checkpoint latest) {
        List<Checkpoint> chain = Checkpoints.range(jdbc, known.number(), latest.number());
        if (chain.isEmpty() || chain.get(0).number() != known.number() || !Arrays.equals(chain.get(0).hash(), known.hash())) {
            return Optional.of(rolledBack(known.number(), "checkpoint " + known.number() + " is no longer the one this ledger signed: "
                    + "checkpoints were removed and history sealed again"));
        }
        for (int i = 1; i < chain.size(); i++) {
            Checkpoint previous = chain.get(i - 1);
            Checkpoint next = chain.get(i);
            if (next.number() != previous.number() + 1 || !Arrays.equals(next.seal().previousCheckpointHash(), previous.hash())) {
                return Optional.of(new VerificationReport.Problem(BreakKind.CHECKPOINT_CHAIN_BROKEN, null, null, null, next.number(),
                        "checkpoint " + next.number() + " does not follow checkpoint " + previous.number()));
            }
            Optional<VerificationReport.Problem> signature = signatureOf(next);
            if (signature.isPresent()) {
                return signature;
            }
        }
        return Optional.empty();
    }

    private static VerificationReport.Problem rolledBack(long remembered, String detail) {
        return new VerificationReport.Problem(BreakKind.CHECKPOINT_ROLLED_BACK, null, null, null, remembered, detail);
    }
}
