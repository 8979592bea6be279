package org.caseledger.api.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * Why a sign-in to the pages through the identity provider did not end signed in, as the sign-in page tells the
 * member of staff ({@code /login?refused} …): what they can do differs. A refused sign-in will not succeed by trying
 * again; an identity provider that does not answer will, later; anything else (the sign-in cancelled at the provider,
 * a sign-in started in another tab) may at once.
 */
enum SignInFailure {

    /** The provider signed someone in, and the ledger does not accept its tokens as a member of staff. */
    REFUSED("refused"),
    /** The provider's configuration, keys or token endpoint did not answer in time. */
    UNAVAILABLE("unavailable"),
    /** Anything else. */
    FAILED("failed");

    /** Spring's error code for a token endpoint that could not be reached or gave no token response. */
    private static final String NO_TOKEN_RESPONSE = "invalid_token_response";
    /** Spring's error code for an ID token it did not accept, or could not check. */
    private static final String ID_TOKEN_NOT_ACCEPTED = "invalid_id_token";

    private final String parameter;

    SignInFailure(String parameter) {
        this.parameter = parameter;
    }

    /** The sign-in page's parameter that says this. */
    String parameter() {
        return parameter;
    }

    OAuth2AuthenticationException exception(String description, Throwable cause) {
        OAuth2Error error = new OAuth2Error("ledger_sign_in_" + parameter, description, null);
        return new OAuth2AuthenticationException(error, description, cause);
    }

    static SignInFailure of(AuthenticationException failure) {
        if (failure.getCause() instanceof IdentityProviderClient.ConfigurationUnreadable) {
            return UNAVAILABLE;
        }
        if (!(failure instanceof OAuth2AuthenticationException oauth)) {
            return FAILED;
        }
        String code = oauth.getError().getErrorCode();
        for (SignInFailure ours : values()) {
            if (code.equals("ledger_sign_in_" + ours.parameter)) {
                return ours;
            }
        }
        if (code.equals(NO_TOKEN_RESPONSE)) {
            return UNAVAILABLE;
        }
        if (code.equals(ID_TOKEN_NOT_ACCEPTED)) {
            // A token that was checked and failed is refused; one whose keys could not be fetched was never checked.
            return failure.getCause() instanceof BadJwtException || failure.getCause() == null ? REFUSED : UNAVAILABLE;
        }
        return FAILED;
    }
}
