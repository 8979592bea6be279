package org.caseledger.api.security;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/**
 * How long the ledger waits for the identity provider when it fetches the provider's configuration or key set:
 * {@code ledger.security.oidc.timeout}, then the request is answered 503 ({@link IdentityProviderOutage}). Spring waits
 * for ever, so a provider that accepts connections and never answers would hold every request carrying a token, and
 * in the end every thread of the server. The pages' sign-in waits as long ({@link IdentityProviderSignIn}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "oidc")
class IdentityProviderRequests {

    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer identityProviderTimeout(LedgerSecurityProperties security) {
        return builder -> builder.restOperations(new RestTemplate(timed(security.oidc().timeout())));
    }

    /** Requests to the identity provider that give up after the timeout, connecting or waiting for an answer. */
    static SimpleClientHttpRequestFactory timed(Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return requests;
    }
}
