package org.caseledger.api.security;

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
 * in the end every thread of the server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "oidc")
class IdentityProviderRequests {

    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer identityProviderTimeout(LedgerSecurityProperties security) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(security.oidc().timeout());
        requests.setReadTimeout(security.oidc().timeout());
        return builder -> builder.restOperations(new RestTemplate(requests));
    }
}
