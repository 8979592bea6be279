package org.caseledger.api.security;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The member of staff a sign-in to the pages names. The access token the sign-in returns is checked exactly as the
 * API checks a bearer token, by the same decoder (signature, issuer, expiry, audience: {@link OidcTokenChecks}), and
 * read by the same {@link StaffClaims}: whoever the pages let in, the API would, in the same role and unit. The ID
 * token only proves the sign-in itself (Spring checks it, with the ledger's issuer and expiry checks added,
 * {@link IdentityProviderSignIn}); the provider's user-info endpoint is not asked.
 */
final class StaffSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final JwtDecoder accessTokens;
    private final StaffClaims claims;

    StaffSignIn(JwtDecoder accessTokens, StaffClaims claims) {
        this.accessTokens = accessTokens;
        this.claims = claims;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        Jwt accessToken;
        try {
            accessToken = accessTokens.decode(request.getAccessToken().getTokenValue());
        } catch (BadJwtException refused) {
            throw SignInFailure.REFUSED.exception("the access token was not accepted", refused);
        } catch (JwtException unchecked) {
            throw SignInFailure.UNAVAILABLE.exception("the access token could not be checked", unchecked);
        }
        try {
            return new IdentityProviderStaff(claims.staffOf(accessToken), request.getIdToken());
        } catch (InvalidBearerTokenException noStaff) {
            // StaffClaims has logged which claim was missing or wrong.
            throw SignInFailure.REFUSED.exception("the access token names no member of staff", noStaff);
        }
    }
}
