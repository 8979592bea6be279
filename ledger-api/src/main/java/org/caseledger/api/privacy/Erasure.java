package org.caseledger.api.privacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.caseledger.api.streams.CommandTransaction;
import org.caseledger.core.person.ErasePerson;
import org.caseledger.core.person.ErasureReason;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.UnitId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a person: appends {@code PersonErased} and destroys every data key they own, in one transaction, so
 * that the ledger never says a person is erased whose data can still be read, nor the reverse. Each erasure is counted
 * by its reason once it has committed ({@code ledger.erasures}, docs/operations.md, "Metrics").
 */
@Component
public class Erasure {

    private final CommandGateway commands;
    private final DataKeys keys;
    private final TransactionTemplate transaction;
    private final Map<ErasureReason, Counter> erased = new EnumMap<>(ErasureReason.class);

    Erasure(CommandGateway commands, DataKeys keys, TransactionTemplate transaction, MeterRegistry meters) {
        this.commands = commands;
        this.keys = keys;
        this.transaction = transaction;
        for (ErasureReason reason : ErasureReason.values()) {
            erased.put(reason, Counter.builder("ledger.erasures").tag("reason", reason.name())
                    .description("Persons erased by this node, by the reason's code").register(meters));
        }
    }

    /** Within the caller's transaction: sends the erasure and destroys the keys. Answers the keys destroyed. */
    public List<UUID> eraseWithin(PersonId person, ErasureReason reason, String note, Set<UnitId> otherUnits, Envelope envelope,
                                  CommandTransaction.Sender sender) {
        sender.send(new ErasePerson(person, reason, note, otherUnits, envelope));
        List<UUID> destroyed = keys.destroyOwnedBy(person.value());
        countOnceCommitted(erased.get(reason));
        return destroyed;
    }

    private static void countOnceCommitted(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }

    /** In a transaction of its own, for a person whose case files the actor's unit alone holds (the retention run). */
    public List<UUID> erase(PersonId person, ErasureReason reason, Envelope envelope) {
        return transaction.execute(status -> eraseWithin(person, reason, null, Set.of(), envelope, command -> commands.sendAndWait(command)));
    }
}
