package org.caseledger.api.privacy;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.caseledger.core.person.PersonErased;

/**
 * Before the read models handle {@code PersonErased}, this node forgets the person's keys. The erasure destroyed
 * them in the database, but only the node that erased forgot them at once; the others keep an unwrapped key for the
 * key cache time. The read models fold the person's case files again on {@code PersonErased} to remove their
 * plaintext, and on a node still holding the key that fold would read, and store, the plaintext again.
 */
class ErasedKeysForgotten implements MessageHandlerInterceptor<EventMessage<?>> {

    private final DataKeys keys;

    ErasedKeysForgotten(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (PersonErased.class.isAssignableFrom(unitOfWork.getMessage().getPayloadType())) {
            keys.forgetOwnedBy(((PersonErased) unitOfWork.getMessage().getPayload()).personId().value());
        }
        return chain.proceed();
    }
}
