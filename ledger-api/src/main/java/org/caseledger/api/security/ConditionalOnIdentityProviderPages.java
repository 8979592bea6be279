package org.caseledger.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The pages are signed in to through the identity provider: the {@code oidc} mode, with the pages' client id
 * ({@code ledger.security.oidc.pages.client-id}). Without the client id the {@code oidc} mode offers the API alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "oidc")
@ConditionalOnProperty(name = "ledger.security.oidc.pages.client-id")
public @interface ConditionalOnIdentityProviderPages {
}
