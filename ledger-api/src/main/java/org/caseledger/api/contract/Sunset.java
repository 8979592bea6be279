package org.caseledger.api.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that is deprecated and will be removed (docs/api-versions.md): the document says
 * {@code deprecated: true} with the dates, and every answer carries {@code Deprecation} (RFC 9745), {@code Sunset}
 * (RFC 8594) and, where there is one, a {@code Link} to its successor.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Sunset {

    /** The day the operation was deprecated, as an ISO date. */
    String deprecatedOn();

    /** The first day it may no longer be answered, as an ISO date: at least twelve months after {@link #deprecatedOn()}. */
    String removedOn();

    /** The path of the operation that replaces it, if any. */
    String successor() default "";
}
