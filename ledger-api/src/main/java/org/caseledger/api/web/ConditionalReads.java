package org.caseledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional GET on every read of the API: a successful read carries an {@code ETag} (the version where the answer
 * has one, such as the case view; otherwise a hash of the answer's bytes), and a read whose {@code If-None-Match}
 * names it answers {@code 304} with no body. The read still runs, and so is still in the read-access log: a 304 tells
 * the reader that what it holds is what it would have been shown.
 *
 * <p>The answers stay {@code Cache-Control: no-store}, so no HTTP cache keeps personal data; the validator serves
 * clients that keep their own copy (a synchronising system) and revalidate it. Spring's filter declines to tag a
 * {@code no-store} answer, which is why eligibility is decided here.
 */
@Configuration(proxyBeanMethods = false)
public class ConditionalReads {

    /** Registered for the API only: pages are read by browsers that keep nothing. */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> conditionalReadsFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new EveryReadTagged());
        registration.addUrlPatterns("/api/v1/*");
        registration.setName("conditionalReads");
        return registration;
    }

    private static final class EveryReadTagged extends ShallowEtagHeaderFilter {

        @Override
        protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response, int status,
                                            InputStream body) {
            boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            return read && !response.isCommitted() && status >= 200 && status < 300;
        }
    }
}
