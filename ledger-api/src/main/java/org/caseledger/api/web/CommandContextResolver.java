package org.caseledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.core.shared.Require;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Builds the {@link CommandContext} of a request from its headers, the logged-in user and the clock; the correlation id is
 * the one {@link CorrelationIds} gave the request.
 */
@Component
public class CommandContextResolver implements HandlerMethodArgumentResolver {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    static final int CORRELATION_ID_LENGTH = 200;

    private final Clock clock;

    public CommandContextResolver(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandContext.class;
    }

    @Override
    public CommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        // Checked here too: a command with an id it cannot record is refused, not given another one.
        String correlationId = Require.optionalText(request.getHeader(CORRELATION_ID), CORRELATION_ID, CORRELATION_ID_LENGTH);
        String given = CorrelationIds.of(request);
        if (given != null) {
            correlationId = given;
        }
        String idempotencyKey = Require.optionalText(request.getHeader(IDEMPOTENCY_KEY), IDEMPOTENCY_KEY, 200);
        if (idempotencyKey != null && idempotencyKey.isBlank()) {
            idempotencyKey = null;
        }
        return new CommandContext(
                CurrentStaff.get(),
                clock.instant(),
                correlationId == null || correlationId.isBlank() ? CorrelationIds.newId() : correlationId,
                idempotencyKey,
                Versions.fromIfMatch(request.getHeader("If-Match")),
                request.getMethod(),
                request.getRequestURI());
    }
}
