package org.caseledger.api.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request record: a member that the record's constructor, or the command it becomes, requires only when another
 * member has one of some values. The OpenAPI document says it as a shape of body the ledger refuses
 * ({@link RequestSchemas}), so that a client checking a body against the document knows it. RequestBodiesIT sends bodies
 * of both kinds, and fails when the document and the check part.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(RequiredWhen.List.class)
public @interface RequiredWhen {

    /** The member that is then required. */
    String member();

    /** The member whose value decides. */
    String when();

    /** The values of {@link #when()} that require {@link #member()}. */
    String[] is();

    /** Unless this member is present (for a member that may stand in for it). */
    String unless() default "";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        RequiredWhen[] value();
    }
}
