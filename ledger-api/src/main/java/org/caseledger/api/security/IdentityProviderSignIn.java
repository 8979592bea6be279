package org.caseledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * How staff sign in to the pages in the {@code oidc} mode: the authorization-code flow with PKCE through Spring
 * Security's OAuth2 client, at the identity provider the API trusts ({@link IdentityProviderClient}). The sign-in's
 * access token makes the member of staff, checked and read as the API reads a bearer token ({@link StaffSignIn}); the
 * ID token is checked by Spring and by the ledger's own issuer and expiry checks ({@link OidcTokenChecks}). A sign-in
 * that does not end signed in goes back to the sign-in page, which says why in words ({@link SignInFailure}); the log
 * says why in detail. Signing out ends the session here and, when the provider names an end-session endpoint, there
 * too. Every request to the provider gives up after {@code ledger.security.oidc.timeout}. The ledger keeps no token
 * of the provider after the sign-in: it calls nothing on a member of staff's behalf.
 */
@Component
@ConditionalOnIdentityProviderPages
public final class IdentityProviderSignIn {

    /** Where a sign-in starts: the page that sends the browser to the identity provider. */
    public static final String START = "/oauth2/authorization/" + IdentityProviderClient.REGISTRATION_ID;
    /** Where the sign-in flow runs: its start, and the address the provider sends the browser back to. */
    public static final String[] FLOW = {"/oauth2/authorization/*", "/login/oauth2/code/*"};

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderSignIn.class);
    private static final String SIGNED_OUT = "/login?signedOut";

    private final String issuer;
    private final IdentityProviderClient client;
    private final StaffSignIn staff;
    private final OAuth2TokenValidator<Jwt> issuerAndExpiry;
    private final LedgerSecurityProperties.Oidc oidc;
    private volatile JwtDecoder idTokens;

    IdentityProviderSignIn(LedgerSecurityProperties security, ObjectProvider<JwtDecoder> accessTokens, Environment environment,
                           OAuth2TokenValidator<Jwt> issuerAndExpiry) {
        this.oidc = security.oidc();
        this.issuer = OidcTokenChecks.expectedIssuer(oidc.issuer(), environment.getProperty(OidcTokenChecks.ISSUER_URI));
        this.client = new IdentityProviderClient(issuer, oidc.pages(), oidc.timeout());
        this.staff = new StaffSignIn(SecurityConfiguration.accessTokens(accessTokens), new StaffClaims(oidc));
        this.issuerAndExpiry = issuerAndExpiry;
    }

    /** Signs staff in to the pages of this filter chain through the identity provider, and out again. */
    public void signIn(HttpSecurity http) throws Exception {
        RestClientAuthorizationCodeTokenResponseClient tokenEndpoint = new RestClientAuthorizationCodeTokenResponseClient();
        tokenEndpoint.setRestClient(RestClient.builder()
                .requestFactory(IdentityProviderRequests.timed(oidc.timeout()))
                .configureMessageConverters(converters -> {
                    converters.addCustomConverter(new FormHttpMessageConverter());
                    converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        OidcClientInitiatedLogoutSuccessHandler endSession = new OidcClientInitiatedLogoutSuccessHandler(client);
        endSession.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        endSession.setDefaultTargetUrl(SIGNED_OUT);
        http
                .oauth2Login(login -> login
                        .loginPage("/login")
                        .clientRegistrationRepository(client)
                        .authorizedClientRepository(new NoAuthorizedClients())
                        .tokenEndpoint(token -> token.accessTokenResponseClient(tokenEndpoint))
                        .userInfoEndpoint(user -> user.oidcUserService(staff))
                        .defaultSuccessUrl("/ui", true)
                        .failureHandler(this::failed)
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O start) {
                                // Spring's own answer to a start that failed is a bare 500.
                                start.setAuthenticationFailureHandler(IdentityProviderSignIn.this::failed);
                                return start;
                            }
                        })
                        .withObjectPostProcessor(new ObjectPostProcessor<OidcAuthorizationCodeAuthenticationProvider>() {
                            @Override
                            public <O extends OidcAuthorizationCodeAuthenticationProvider> O postProcess(O provider) {
                                provider.setJwtDecoderFactory(registration -> idTokens(registration));
                                return provider;
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(endSession))
                // A member of staff not signed in goes straight to the identity provider, which may know them already.
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(START)));
    }

    /**
     * The identity provider's origin, where the pages' forms may lead: signing out is a form whose answer sends the
     * browser on to the provider's end-session endpoint.
     */
    public String origin() {
        URI address = URI.create(issuer);
        return address.getScheme() + "://" + address.getHost() + (address.getPort() == -1 ? "" : ":" + address.getPort());
    }

    /**
     * The ID tokens' decoder: Spring's checks of an ID token, and the ledger's issuer and expiry checks, with the key
     * set fetched within the timeout (Spring's own decoder waits for ever).
     */
    private JwtDecoder idTokens(ClientRegistration registration) {
        JwtDecoder known = idTokens;
        if (known == null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                    .restOperations(new RestTemplate(IdentityProviderRequests.timed(oidc.timeout())))
                    .build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration), issuerAndExpiry));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            known = decoder;
            idTokens = known;
        }
        return known;
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        SignInFailure why = SignInFailure.of(failure);
        LOG.warn("A sign-in to the pages ended {}: {}", why, causes(failure));
        response.sendRedirect(request.getContextPath() + "/login?" + why.parameter());
    }

    /** Why, for the operator, on one line; no token is in any of these messages. */
    private static String causes(Throwable failure) {
        StringBuilder causes = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            causes.append(" <- ").append(cause.getMessage());
        }
        return causes.toString();
    }

    /**
     * Keeps no authorized client: the provider's access and refresh tokens are not needed after the sign-in, and a
     * token kept is one that could leak.
     */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                                         HttpServletResponse response) {
            // Nothing is kept: see the class comment.
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                                           HttpServletResponse response) {
            // Nothing was kept.
        }
    }
}
