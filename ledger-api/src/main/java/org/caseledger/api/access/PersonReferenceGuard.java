package org.caseledger.api.access;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.LedgerRuleViolation;
import org.caseledger.core.shared.PersonId;
import org.springframework.stereotype.Component;

/**
 * Every person a command names, other than the person it is addressed to, must be registered and not erased: a case
 * for a child nobody registered, or a consent from a person who does not exist, would stand in the ledger for ever. The
 * guard stands at the command bus, so that no way of sending a command passes it by, and finds the persons named by
 * the type of the command's members, so that a new command naming a person is checked without being listed anywhere.
 * It reads the access index, which the registering transaction writes, so a person registered earlier in the same
 * transaction counts. It is not itself an interceptor bean, which Axon would register on the gateway as well.
 */
@Component
class PersonReferenceGuard {

    private final PersonAccessRepository persons;
    private final Map<Class<?>, List<RecordComponent>> referencesByType = new ConcurrentHashMap<>();

    PersonReferenceGuard(PersonAccessRepository persons, CommandBus commandBus) {
        this.persons = persons;
        MessageDispatchInterceptor<CommandMessage<?>> interceptor = messages -> this::check;
        commandBus.registerDispatchInterceptor(interceptor);
    }

    private CommandMessage<?> check(Integer index, CommandMessage<?> command) {
        for (RecordComponent reference : referencesOf(command.getPayloadType())) {
            PersonId person = personNamed(command.getPayload(), reference);
            if (person != null) {
                require(person);
            }
        }
        return command;
    }

    private void require(PersonId person) {
        Optional<PersonAccess> registered = persons.find(person);
        if (registered.isEmpty()) {
            throw new LedgerRuleViolation(LedgerRule.PERSON_NOT_REGISTERED, "person " + person + " is not registered", person);
        }
        if (registered.get().erased()) {
            throw new LedgerRuleViolation(LedgerRule.PERSON_ERASED, "person " + person + " has been erased", person);
        }
    }

    private List<RecordComponent> referencesOf(Class<?> type) {
        return referencesByType.computeIfAbsent(type, command -> !command.isRecord() ? List.of()
                : Arrays.stream(command.getRecordComponents())
                        .filter(component -> component.getType() == PersonId.class)
                        .filter(component -> !addressedTo(command, component))
                        .toList());
    }

    /** Whether the member names the person the command is addressed to, whom the aggregate itself checks. */
    private static boolean addressedTo(Class<?> command, RecordComponent component) {
        if (component.isAnnotationPresent(TargetAggregateIdentifier.class)) {
            return true;
        }
        try {
            return command.getDeclaredField(component.getName()).isAnnotationPresent(TargetAggregateIdentifier.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static PersonId personNamed(Object command, RecordComponent component) {
        try {
            return (PersonId) component.getAccessor().invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component + " of " + command.getClass().getSimpleName(), e);
        }
    }
}
