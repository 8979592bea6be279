package org.caseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.caseledger.api.support.OpenIdProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** The pages' client, found at the provider's configuration under the issuer the ledger trusts. */
class IdentityProviderClientTest {

    private static final OpenIdProvider PROVIDER = OpenIdProvider.automatic();
    /**
     * Generous: the provider in the test answers its first request only once it has warmed up, which took over two
     * seconds on a loaded machine; the provider that is down refuses the connection at once, whatever the timeout.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @AfterAll
    static void stopTheProvider() {
        PROVIDER.close();
    }

    @Test
    void aClientWithASecretIsConfidentialAndStillRequiresPkce() {
        ClientRegistration client = client(new LedgerSecurityProperties.Pages("case-ledger", "s3cret", null, List.of("case-ledger-api")));

        assertThat(client.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(client.getClientSecret()).isEqualTo("s3cret");
        assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(client.getScopes()).containsExactly("openid", "case-ledger-api");
        assertThat(client.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
        assertThat(client.getRegistrationId()).isEqualTo("ledger");
    }

    @Test
    void aClientWithoutASecretIsPublicAndRequiresPkce() {
        ClientRegistration client = client(new LedgerSecurityProperties.Pages("case-ledger", null, null, null));

        assertThat(client.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
        assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(client.getScopes()).containsExactly("openid");
    }

    @Test
    void theEndpointsAndTheEndSessionEndpointComeFromTheProvidersConfigurationAtTheTrustedIssuer() {
        ClientRegistration client = client(new LedgerSecurityProperties.Pages("case-ledger", null, null, null));

        assertThat(client.getProviderDetails().getIssuerUri()).isEqualTo(PROVIDER.issuer());
        assertThat(client.getProviderDetails().getAuthorizationUri()).startsWith(PROVIDER.issuer());
        assertThat(client.getProviderDetails().getTokenUri()).startsWith(PROVIDER.issuer());
        assertThat(client.getProviderDetails().getJwkSetUri()).isEqualTo(PROVIDER.keySet());
        assertThat(client.getProviderDetails().getConfigurationMetadata()).containsKey("end_session_endpoint");
    }

    @Test
    void aConfigurationNamingAnotherIssuerIsNotUsed() {
        IdentityProviderClient client = new IdentityProviderClient(PROVIDER.issuer() + "/",
                new LedgerSecurityProperties.Pages("case-ledger", null, null, null), TIMEOUT);

        assertThatThrownBy(client::registration).isInstanceOf(IdentityProviderClient.ConfigurationUnreadable.class)
                .hasMessageContaining("names the issuer");
    }

    @Test
    void aProviderThatIsDownStopsTheSignInAndNotTheLedgerAndIsAskedAgainAtTheNextOne() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        IdentityProviderClient client = new IdentityProviderClient("http://127.0.0.1:" + port + "/realms/social-services",
                new LedgerSecurityProperties.Pages("case-ledger", null, null, null), TIMEOUT);

        assertThatThrownBy(client::registration).isInstanceOf(IdentityProviderClient.ConfigurationUnreadable.class);
        assertThatThrownBy(() -> client.findByRegistrationId("ledger")).isInstanceOf(IdentityProviderClient.ConfigurationUnreadable.class);
        assertThat(client.findByRegistrationId("another")).isNull();
    }

    private static ClientRegistration client(LedgerSecurityProperties.Pages pages) {
        return new IdentityProviderClient(PROVIDER.issuer(), pages, TIMEOUT).findByRegistrationId("ledger");
    }
}
