package org.caseledger.api.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write that is given the command context but does not run in the command transaction: it takes no
 * {@code Idempotency-Key} and no {@code If-Match} and answers no {@code ETag}, and the OpenAPI document offers none.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoIdempotencyKey {
}
