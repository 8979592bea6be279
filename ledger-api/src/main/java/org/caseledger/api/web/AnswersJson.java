package org.caseledger.api.web;

import java.lang.reflect.Method;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The handler mapping, with every write (POST, PUT, PATCH, DELETE) and every read of the API declared to produce
 * {@code application/json} unless it declares what it produces itself. Spring then settles the {@code Accept} header when it picks the handler, and a
 * client that accepts no JSON is answered 406 before the controller runs. Without the declaration the controller ran,
 * the command's transaction committed, and only the writing of the answer found that it could not be written: the
 * ledger answered 406, with the new version as {@code ETag}, for a fact it had recorded, and a client retrying without
 * an {@code Idempotency-Key} would record it twice.
 *
 * <p>This is the one place that ordering is decided; every other refusal of a write (the cross-site check,
 * authentication, the body's type and shape, {@code If-Match}, authorisation, the rules) comes before the command's
 * transaction commits or inside it, so it rolls back. A refused write therefore stores nothing.
 */
class AnswersJson extends RequestMappingHandlerMapping {

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);

    @Override
    protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
        RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
        if (info == null || !info.getProducesCondition().isEmpty() || !(writes(info) || readsTheApi(info))) {
            return info;
        }
        return info.mutate().produces(MediaType.APPLICATION_JSON_VALUE).build();
    }

    /**
     * A read of the API answers JSON too, and an {@code Accept} it cannot meet is a 406: left undeclared, a read asked for
     * {@code application/problem+json} was answered a successful list under that type, which the document does not allow.
     */
    private static boolean readsTheApi(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().contains(RequestMethod.GET)
                && info.getPatternValues().stream().allMatch(pattern -> pattern.startsWith("/api/"));
    }

    /** A mapping for every method (the error page) is no write: it answers in the form the failed request asked for. */
    private static boolean writes(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().stream().anyMatch(WRITES::contains);
    }
}
