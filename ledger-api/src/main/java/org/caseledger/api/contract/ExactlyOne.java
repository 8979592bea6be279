package org.caseledger.api.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request record: of these members a body carries exactly one, as the command the record becomes requires. The
 * OpenAPI document says it as the shapes of body the ledger refuses ({@link RequestSchemas}): none of them, or two. The
 * document's checks of the bodies RequestBodiesIT sends, and the ledger's answers to them, agree.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExactlyOne {

    String[] value();
}
