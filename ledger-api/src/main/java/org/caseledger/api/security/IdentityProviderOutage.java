package org.caseledger.api.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.StringJoiner;
import org.caseledger.api.problems.ProblemType;
import org.caseledger.api.problems.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A token the ledger cannot check because the identity provider does not answer (its configuration or its key set
 * cannot be fetched) is an outage, not a refused token: the request is answered 503 with a problem, as when the
 * database is unreachable. Spring's bearer token filter rethrows the {@link AuthenticationServiceException} such a
 * failure becomes, which ends as a 500 and a stack trace. A token refused for what it is stays a 401.
 */
final class IdentityProviderOutage implements AuthenticationFailureHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderOutage.class);

    private final Problems problems;
    private final AuthenticationEntryPoint tokenRefused;

    IdentityProviderOutage(Problems problems, AuthenticationEntryPoint tokenRefused) {
        this.problems = problems;
        this.tokenRefused = tokenRefused;
    }

    /**
     * The decoder Boot builds from {@code issuer-uri} reads the provider's configuration on first use; when it cannot,
     * it throws no {@link JwtException}, and the failure would escape the authentication as it is. Made one, it is
     * answered here.
     */
    static JwtDecoder reportingUnreadableConfiguration(JwtDecoder decoder) {
        return token -> {
            try {
                return decoder.decode(token);
            } catch (JwtDecoderInitializationException e) {
                throw new JwtException("the identity provider's configuration could not be read", e);
            }
        };
    }

    /** Puts this in the bearer token filter, whose configurer offers no way to set a failure handler. */
    ObjectPostProcessor<BearerTokenAuthenticationFilter> installer() {
        IdentityProviderOutage handler = this;
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(handler);
                return filter;
            }
        };
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (!(e instanceof AuthenticationServiceException)) {
            tokenRefused.commence(request, response, e);
            return;
        }
        LOG.warn("Answered 503: the access token could not be checked: {}", causes(e));
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        problems.write(request, response, ProblemType.IDENTITY_PROVIDER_UNAVAILABLE);
    }

    /** Why, for the operator, on one line: the causes name the address that did not answer and how. */
    private static String causes(Throwable e) {
        StringJoiner causes = new StringJoiner(" <- ");
        String previous = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // A wrapping exception often repeats its cause's message word for word.
            if (cause.getMessage() != null && !cause.getMessage().equals(previous)) {
                causes.add(cause.getMessage());
            }
            previous = cause.getMessage();
        }
        return causes.toString();
    }
}
