package org.caseledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.caseledger.api.problems.ProblemType;
import org.caseledger.api.problems.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests from another site's pages in a browser (CORS), closed unless {@code ledger.security.cors-origins} names the
 * site. A browser asks first without credentials (a preflight), so the preflight is answered here, before any sign-in:
 * the allowance for a named origin, a 403 problem for any other. A request from a named origin is answered with its
 * allowance; from another, as it is, without one, so that the browser keeps the answer from that page. Whatever the
 * origin, a write still has to say it is JSON ({@link CrossSiteWriteCheck}), and every request still signs in.
 */
final class CrossOriginRequests extends OncePerRequestFilter {

    /** Writes the allowance headers; leaves a refusal to this filter, which answers it as a problem. */
    private static final class AllowanceHeaders extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(org.springframework.http.server.ServerHttpResponse response) {
            // answered by the filter, as a problem
        }
    }

    private final Problems problems;
    private final CorsConfiguration allowed;
    private final AllowanceHeaders headers = new AllowanceHeaders();

    CrossOriginRequests(Problems problems, List<String> origins) {
        this.problems = problems;
        this.allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(origins);
        allowed.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.DELETE.name()));
        allowed.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "Idempotency-Key", "X-Purpose",
                "X-Correlation-Id", "X-Requested-By"));
        allowed.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.LINK, HttpHeaders.RETRY_AFTER,
                "Idempotent-Replayed"));
        allowed.setAllowCredentials(true);
        allowed.setMaxAge(600L);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!CorsUtils.isCorsRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean granted = allowed.checkOrigin(request.getHeader(HttpHeaders.ORIGIN)) != null
                && headers.processRequest(allowed, request, response);
        if (CorsUtils.isPreFlightRequest(request)) {
            if (granted) {
                response.setStatus(HttpServletResponse.SC_OK);
            } else {
                problems.write(request, response, ProblemType.FORBIDDEN);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
