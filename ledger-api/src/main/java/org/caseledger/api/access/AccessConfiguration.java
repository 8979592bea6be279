package org.caseledger.api.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the case access guard in front of every endpoint whose path names a case. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration implements WebMvcConfigurer {

    private final CaseAccessGuard guard;

    AccessConfiguration(CaseAccessGuard guard) {
        this.guard = guard;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard).addPathPatterns("/api/v1/cases/*", "/api/v1/cases/*/**", "/api/v1/audit/cases/*/**", "/ui/cases/*", "/ui/cases/*/**");
    }
}
