package org.caseledger.api.contract;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How an operation is retired within a version of the API (docs/api-versions.md): marked {@link Sunset}, it is
 * {@code deprecated} in the document with its dates, and every answer tells a client that does not read the document.
 */
@Configuration(proxyBeanMethods = false)
class DeprecationPolicy implements WebMvcConfigurer {

    /** The notice between deprecation and removal: a municipality's budget and procurement year. */
    static final int MONTHS_OF_NOTICE = 12;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SunsetHeaders()).addPathPatterns("/api/v1/**");
    }

    @Bean
    OperationCustomizer sunsetInTheDocument() {
        return (operation, handler) -> {
            Sunset sunset = handler.getMethodAnnotation(Sunset.class);
            if (sunset != null) {
                Dates dates = Dates.of(sunset);
                operation.deprecated(true).description((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                        + "Deprecated on " + dates.deprecated() + "; answered until " + dates.removed().minusDays(1)
                        + (sunset.successor().isEmpty() ? "." : "; use " + sunset.successor() + " instead."));
            }
            return operation;
        };
    }

    /** The two dates of a sunset, checked to give the notice the policy promises. */
    record Dates(LocalDate deprecated, LocalDate removed) {

        Dates {
            if (removed.isBefore(deprecated.plusMonths(MONTHS_OF_NOTICE))) {
                throw new IllegalStateException("an operation deprecated on " + deprecated + " may not be removed before "
                        + deprecated.plusMonths(MONTHS_OF_NOTICE) + " (docs/api-versions.md)");
            }
        }

        static Dates of(Sunset sunset) {
            return new Dates(LocalDate.parse(sunset.deprecatedOn()), LocalDate.parse(sunset.removedOn()));
        }
    }

    /** The headers of an answer of a deprecated operation. */
    static final class SunsetHeaders implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(Sunset.class)) {
                Sunset sunset = method.getMethodAnnotation(Sunset.class);
                Dates dates = Dates.of(sunset);
                response.setHeader("Deprecation", "@" + dates.deprecated().atStartOfDay(ZoneOffset.UTC).toEpochSecond());
                response.setHeader("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME.format(dates.removed().atStartOfDay(ZoneOffset.UTC)));
                if (!sunset.successor().isEmpty()) {
                    response.addHeader(HttpHeaders.LINK, "<" + sunset.successor() + ">; rel=\"successor-version\"");
                }
            }
            return true;
        }
    }
}
