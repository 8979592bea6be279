package org.caseledger.api.security;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The pages' client at the identity provider the API trusts: its endpoints come from the provider's configuration at
 * the ledger's own expected issuer, so the pages cannot be pointed at another provider than the API, and the
 * configuration must name that issuer. It is read at the first sign-in rather than at start-up, within
 * {@code ledger.security.oidc.timeout}, so that a provider that is down stops the sign-in (answered with a page
 * saying so) and not the ledger. PKCE is required whether the client is confidential or public.
 */
final class IdentityProviderClient implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "ledger";
    private static final String CONFIGURATION = "/.well-known/openid-configuration";

    private final String issuer;
    private final LedgerSecurityProperties.Pages pages;
    private final RestClient provider;
    private volatile ClientRegistration registration;

    IdentityProviderClient(String issuer, LedgerSecurityProperties.Pages pages, Duration timeout) {
        this.issuer = issuer;
        this.pages = pages;
        this.provider = RestClient.builder().requestFactory(IdentityProviderRequests.timed(timeout)).build();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration() : null;
    }

    /** The registration, read from the provider the first time; two first sign-ins at once both read it, harmlessly. */
    ClientRegistration registration() {
        ClientRegistration known = registration;
        if (known == null) {
            known = discovered();
            registration = known;
        }
        return known;
    }

    private ClientRegistration discovered() {
        Map<String, Object> configuration;
        try {
            configuration = provider.get().uri(issuer.replaceAll("/$", "") + CONFIGURATION).retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Object>>() {
                    });
        } catch (RestClientException e) {
            throw new ConfigurationUnreadable("the identity provider's configuration at " + issuer + CONFIGURATION
                    + " could not be read", e);
        }
        if (configuration == null || !issuer.equals(configuration.get("issuer"))) {
            // Spring leaves this check to whoever fetched the configuration: without it, the configuration served
            // at this address could send the sign-in to another issuer's endpoints.
            throw new ConfigurationUnreadable("the identity provider's configuration at " + issuer + CONFIGURATION
                    + " names the issuer " + (configuration == null ? null : configuration.get("issuer")) + ", not " + issuer, null);
        }
        ClientRegistration.Builder client = ClientRegistrations.fromOidcConfiguration(configuration)
                .registrationId(REGISTRATION_ID)
                .clientId(pages.clientId())
                .redirectUri(pages.redirectUri())
                .scope(scopes(pages.scopes()))
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
        if (pages.isPublic()) {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            client.clientSecret(pages.clientSecret());
        }
        return client.build();
    }

    private static Set<String> scopes(List<String> more) {
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(OidcScopes.OPENID);
        scopes.addAll(more);
        return scopes;
    }

    /** The provider's configuration could not be read, or names another issuer: no one can sign in until it can. */
    static final class ConfigurationUnreadable extends RuntimeException {

        ConfigurationUnreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
