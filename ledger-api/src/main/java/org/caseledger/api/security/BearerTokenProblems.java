package org.caseledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.caseledger.api.problems.ProblemType;
import org.caseledger.api.problems.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request of the {@code oidc} mode without an acceptable bearer token: the RFC 6750 challenge and a
 * problem+json body. Unlike Spring's own entry point it sends only the error code, never the description, which
 * for a refused token says why (expired at …, bad signature …) and would help whoever is forging one.
 */
final class BearerTokenProblems implements AuthenticationEntryPoint {

    private static final String REALM = "Bearer realm=\"case-ledger\"";

    private final Problems problems;

    BearerTokenProblems(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (!(e instanceof OAuth2AuthenticationException refused)) {
            // No token at all (Basic credentials included): RFC 6750 asks for the bare challenge.
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
            problems.write(request, response, ProblemType.AUTHENTICATION_REQUIRED);
            return;
        }
        HttpStatus status = refused.getError() instanceof BearerTokenError bearer ? bearer.getHttpStatus() : HttpStatus.UNAUTHORIZED;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"" + refused.getError().getErrorCode() + "\"");
        problems.write(response, problems.of(request, status, ProblemType.TOKEN_REJECTED));
    }
}
