package org.caseledger.core.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an event as personal data: names, identity numbers and every free text about a family. It is
 * stored encrypted with the data key of the person it concerns, and reads as erased once that key is destroyed.
 * Only text-valued fields may carry it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    /** What an erased free text reads as; an erased identifier (an identity number) reads as absent. */
    String ERASED = "[erased]";

    /**
     * What a free text reads as to a reader who holds no key for it: a case file opened without its recipient's key.
     * Not erased, only not for this reader.
     */
    String SEALED = "[sealed]";
}
