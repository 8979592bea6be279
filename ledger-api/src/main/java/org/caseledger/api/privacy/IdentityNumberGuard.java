package org.caseledger.api.privacy;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.caseledger.core.person.CorrectIdentityNumber;
import org.caseledger.core.person.RegisterPerson;
import org.springframework.stereotype.Component;

/**
 * One person, one identity number: a registration, or a correction, giving a number that a person not erased holds
 * already is refused ({@link PersonAlreadyRegisteredException}) before the command is handled. It stands at the command
 * bus, so that the API, the demo history and any later way of sending a command are held to it alike; in a transaction,
 * the number's lock holds until the transaction ends. It is not itself an interceptor bean, which Axon would register on
 * the gateway as well.
 */
@Component
class IdentityNumberGuard {

    private final IdentityLookup lookup;

    IdentityNumberGuard(IdentityLookup lookup, CommandBus commandBus) {
        this.lookup = lookup;
        MessageDispatchInterceptor<CommandMessage<?>> interceptor = messages -> this::check;
        commandBus.registerDispatchInterceptor(interceptor);
    }

    private CommandMessage<?> check(Integer index, CommandMessage<?> command) {
        Object payload = command.getPayload();
        if (payload instanceof RegisterPerson registration && registration.identityNumber() != null) {
            lookup.requireUnregistered(registration.identityNumber());
        } else if (payload instanceof CorrectIdentityNumber correction) {
            lookup.requireUnregistered(correction.identityNumber(), correction.personId());
        }
        return command;
    }
}
