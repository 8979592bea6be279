package org.caseledger.api.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.problems.ProblemType;
import org.caseledger.api.problems.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an attempt to sign in while its account or its address is locked, before the password is looked at: a
 * refusal costs a lookup in memory and a line in the access log, never a bcrypt computation, so a guesser cannot
 * take the processors from everyone else's sign-ins. An attempt is an HTTP Basic header with a user name, or the
 * sign-in form posted to {@code /login}; the name is read as Spring Security reads it. A locked attempt through the
 * API is answered {@code 429} with {@code Retry-After}; through the form, with the sign-in page saying so.
 * <p>
 * The name is read with Spring Security's own converter and request matcher: a header or form this guard read
 * differently from the authentication filter after it would be a way around the lock.
 */
final class SignInGuard extends OncePerRequestFilter {

    static final String LOGIN = "/login";
    private static final Logger LOG = LoggerFactory.getLogger(SignInGuard.class);
    /** The request UsernamePasswordAuthenticationFilter signs in from, as the form login configures it. */
    private static final RequestMatcher FORM = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN);

    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    private final SignInThrottle throttle;
    private final AccessLog accessLog;
    private final Problems problems;

    SignInGuard(SignInThrottle throttle, AccessLog accessLog, Problems problems) {
        this.throttle = throttle;
        this.accessLog = accessLog;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = FORM.matches(request);
        String name = form ? formUserName(request) : basicUserName(request);
        Optional<SignInThrottle.Lock> lock = name == null ? Optional.empty() : throttle.lockFor(name, request.getRemoteAddr());
        if (lock.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        accessLog.record(new AccessLog.Read(AccessLog.Reader.signingIn(name, request.getRemoteAddr()), AccessLog.Touched.NOTHING,
                "sign-in", lock.get().describe(), null, AccessLog.Outcome.SIGN_IN_LOCKED));
        LOG.debug("sign-in refused for account '{}' from {}: {}", SignInThrottle.printable(name),
                SignInThrottle.printable(request.getRemoteAddr()), lock.get().describe());
        long seconds = Math.max(1, (lock.get().remaining().toMillis() + 999) / 1000);
        if (form) {
            response.sendRedirect(request.getContextPath() + LOGIN + "?locked=" + (seconds + 59) / 60);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, ProblemType.SIGN_IN_LOCKED, seconds);
    }

    /** The form's user name; a form without one is checked as the name "" (and costs a check like any other). */
    private static String formUserName(HttpServletRequest request) {
        String name = request.getParameter("username");
        return name == null ? "" : name;
    }

    /** The user name of a Basic header; null if there is none, or none Spring would look up. */
    private String basicUserName(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken attempt = basic.convert(request);
            return attempt == null ? null : attempt.getName();
        } catch (AuthenticationException malformed) {
            // Spring refuses it as malformed without looking anyone up: there is no password check to spare.
            return null;
        }
    }
}
