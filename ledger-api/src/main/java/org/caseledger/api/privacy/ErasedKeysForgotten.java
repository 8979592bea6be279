package org.caseledger.api.privacy;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.caseledger.core.person.PersonErased;

/**
 * When the read models see {@code PersonErased}, this node forgets the person's keys. The erasure destroyed them in
 * the database, but only the node that erased forgot them at once; the others would keep an unwrapped key, and answer
 * the person's data opened, for up to the key cache time. Each node's read-model processor sees the erasure within
 * moments, so that is how long another node can still show the data (docs/privacy.md).
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
