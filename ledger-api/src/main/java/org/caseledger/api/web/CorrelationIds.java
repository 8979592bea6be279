package org.caseledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.Require;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its correlation id before anything else runs, sign-in included: the client's
 * {@code X-Correlation-Id} when it is one the ledger would record, else a new one. The id is in the log context
 * ({@value #LOG_KEY}) of every line logged while the request is served, is sent back in the answer's
 * {@code X-Correlation-Id}, and is the correlation id of every event the request writes ({@link CommandContextResolver}),
 * so that one id finds a request's log lines, its answer and its events (docs/operations.md, "Logs").
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIds extends OncePerRequestFilter {

    /** The key of the correlation id in the log context: a field of its own in every structured log line. */
    static final String LOG_KEY = "correlationId";

    private static final String ATTRIBUTE = CorrelationIds.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = usable(request.getHeader(CommandContextResolver.CORRELATION_ID));
        if (id == null) {
            id = newId();
        }
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(CommandContextResolver.CORRELATION_ID, id);
        MDC.put(LOG_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LOG_KEY);
        }
    }

    /** A correlation id for a request that brought none the ledger would record. */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The request's correlation id, or null for a request this filter did not see. */
    static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
    }

    /** The header's value as an event would record it; one the ledger refuses (a command answers 400) is replaced. */
    private static String usable(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Require.optionalText(header, CommandContextResolver.CORRELATION_ID, CommandContextResolver.CORRELATION_ID_LENGTH);
        } catch (InvalidValueException e) {
            return null;
        }
    }
}
