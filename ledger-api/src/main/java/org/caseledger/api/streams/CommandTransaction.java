package org.caseledger.api.streams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.caseledger.api.database.DatabaseUnavailable;
import org.caseledger.api.web.CommandContext;
import org.caseledger.api.web.IdempotencyKeyReusedException;
import org.caseledger.api.web.OutcomeUnknownException;
import org.caseledger.api.web.StaleVersionException;
import org.caseledger.api.web.Versions;
import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.core.shared.LedgerEvent;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the commands of one HTTP request in one database transaction: the idempotency key is claimed, the
 * aggregate is locked and its version checked against {@code If-Match}, the commands are sent (Axon joins
 * this transaction, so their events are written in it), and the answer is stored for retries. Either all of
 * it commits or none of it does.
 */
@Component
public class CommandTransaction {

    /** Sends commands within the transaction. */
    public interface Sender {
        void send(LedgerCommand command);
    }

    /** The work of one request: send the commands, then say what to answer. */
    public interface Work<T> {
        CommandResult<T> run(Sender sender);
    }

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final IdempotencyStore idempotency;
    private final EventHistory history;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CommandTransaction(CommandGateway commandGateway, EventStore eventStore, IdempotencyStore idempotency,
                              EventHistory history, TransactionTemplate transaction, JdbcClient jdbc, JsonMapper json) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.idempotency = idempotency;
        this.history = history;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Runs commands that start a new stream. */
    public <T> ResponseEntity<T> create(CommandContext context, Object aggregateId, Object request, Work<T> work) {
        return execute(context, aggregateId, null, request, work);
    }

    /**
     * @param context     the request's context
     * @param aggregateId the stream the commands write to
     * @param kind        the kind of stream it must be: an id of another kind is answered as unknown
     * @param request     the request body, part of the fingerprint that tells a retry from a different request
     * @param work        sends the commands and builds the answer
     */
    public <T> ResponseEntity<T> execute(CommandContext context, Object aggregateId, Class<? extends LedgerEvent> kind,
                                         Object request, Work<T> work) {
        String stream = aggregateId.toString();
        AtomicBoolean handled = new AtomicBoolean();
        try {
            return transaction.execute(status -> {
                ResponseEntity<T> answer = handle(context, aggregateId, kind, request, work, stream);
                handled.set(true);
                return answer;
            });
        } catch (RuntimeException e) {
            // The commands were carried out and the commit was under way: with the connection lost, or a rollback after a
            // failed commit failing too (the pool's closed connection says so with no SQLSTATE), the commit may have
            // reached the disk or not. A commit the database refused (a deferred check) rolled back, and is answered so.
            if (handled.get() && (DatabaseUnavailable.causes(e) || e instanceof TransactionSystemException)) {
                throw new OutcomeUnknownException(e);
            }
            throw e;
        }
    }

    /** Claims the idempotency key, locks the stream, checks the version, sends the commands and builds the answer. */
    private <T> ResponseEntity<T> handle(CommandContext context, Object aggregateId, Class<? extends LedgerEvent> kind, Object request,
                                         Work<T> work, String stream) {
        String actor = context.staff().staffId().value();
        String key = context.idempotencyKey();
        if (key != null) {
            String fingerprint = fingerprint(context, request);
            Optional<IdempotencyStore.StoredAnswer> earlier = idempotency.claim(actor, key, fingerprint, context.recordedAt());
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(fingerprint)) {
                    throw new IdempotencyKeyReusedException("the Idempotency-Key " + key
                            + " was already used for a different request; use a new key for a new request");
                }
                return replay(earlier.get());
            }
        }
        lock(stream);
        if (kind != null) {
            long current = history.version(aggregateId, kind);
            checkExpectedVersion(current, context.expectedVersion());
        } else if (context.expectedVersion() != null) {
            throw new StaleVersionException("If-Match names a version of something that does not exist yet", null);
        }
        CommandResult<T> result = work.run(command -> commandGateway.sendAndWait(asMessage(command)))
                .withVersion(eventStore.lastSequenceNumberFor(stream).orElse(null));
        if (key != null) {
            idempotency.complete(actor, key, result);
        }
        return result.toResponse(false);
    }

    /**
     * The first answer again, its body the JSON stored when it was first sent: the same bytes, even when the operation
     * answers in another shape by now. The cast is safe because Spring writes a body by the class of its value, which
     * writes the stored JSON as it is, and nothing else reads it.
     */
    @SuppressWarnings("unchecked")
    private static <T> ResponseEntity<T> replay(IdempotencyStore.StoredAnswer earlier) {
        return (ResponseEntity<T>) earlier.result().toResponse(true);
    }

    /** Writers of the same stream take turns, so an If-Match check stays true until the events are written. */
    private void lock(String stream) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(stream).query((rs, row) -> 1).list();
    }

    private static void checkExpectedVersion(long current, Long expected) {
        if (expected != null && expected != Versions.ANY && current != expected) {
            throw new StaleVersionException("If-Match names version " + expected + " but the current version is "
                    + current + "; read it again and decide whether your change still applies", current);
        }
    }

    /** The command message carries the envelope's causation id as its own id, so events point at their command. */
    private static GenericCommandMessage<LedgerCommand> asMessage(LedgerCommand command) {
        return new GenericCommandMessage<>(
                new GenericMessage<>(command.envelope().causationId(), command, MetaData.emptyInstance()),
                command.getClass().getName());
    }

    private String fingerprint(CommandContext context, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((context.method() + " " + context.path() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
