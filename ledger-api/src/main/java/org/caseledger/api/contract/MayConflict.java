package org.caseledger.api.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read that may be refused with 409 (the OpenAPI document says so): what it reads cannot be answered as asked,
 * such as a signed case file for a case whose events do not verify. Every write may be refused with 409 without it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MayConflict {
}
