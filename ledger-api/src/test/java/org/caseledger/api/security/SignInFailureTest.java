package org.caseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** What the sign-in page tells a member of staff whose sign-in through the identity provider did not end signed in. */
class SignInFailureTest {

    @Test
    void tokensTheLedgerDoesNotAcceptAreARefusal() {
        assertThat(SignInFailure.of(SignInFailure.REFUSED.exception("no ledger role", null))).isEqualTo(SignInFailure.REFUSED);
        assertThat(SignInFailure.of(spring("invalid_id_token", new JwtValidationException("iss", List.of(new OAuth2Error("invalid_token"))))))
                .isEqualTo(SignInFailure.REFUSED);
    }

    @Test
    void aProviderThatDoesNotAnswerIsUnavailableNotARefusal() {
        assertThat(SignInFailure.of(SignInFailure.UNAVAILABLE.exception("no key set", null))).isEqualTo(SignInFailure.UNAVAILABLE);
        assertThat(SignInFailure.of(spring("invalid_id_token", new JwtException("Couldn't retrieve remote JWK set"))))
                .isEqualTo(SignInFailure.UNAVAILABLE);
        assertThat(SignInFailure.of(spring("invalid_token_response", null))).isEqualTo(SignInFailure.UNAVAILABLE);
        assertThat(SignInFailure.of(new BadCredentialsException("start failed",
                new IdentityProviderClient.ConfigurationUnreadable("down", null)))).isEqualTo(SignInFailure.UNAVAILABLE);
    }

    @Test
    void aSignInCancelledOrStartedElsewhereFailedAndMaySucceedAtOnce() {
        assertThat(SignInFailure.of(spring("access_denied", null))).isEqualTo(SignInFailure.FAILED);
        assertThat(SignInFailure.of(spring("authorization_request_not_found", null))).isEqualTo(SignInFailure.FAILED);
    }

    private static OAuth2AuthenticationException spring(String code, Throwable cause) {
        return new OAuth2AuthenticationException(new OAuth2Error(code), code, cause);
    }
}
