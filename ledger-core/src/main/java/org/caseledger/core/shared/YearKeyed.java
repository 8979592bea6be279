package org.caseledger.core.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a free text of an event that may name a person but must outlive that person's key for a while (an erasure's
 * note, which explains why the key is gone). It is stored encrypted under the key of the calendar year it was recorded
 * in, which is destroyed when the retention of such texts has ended (docs/privacy.md), and then reads as erased.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface YearKeyed {
}
