package org.caseledger.api.access;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
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

    /**
     * The access index is written in the transaction that appends the events, because who may read a case is decided from
     * it: a handler of its group that fails must fail the command, which then writes nothing. Axon's default for a
     * handler's failure is to log it and go on, which would commit the events without their row in the index.
     */
    @Bean
    ConfigurerModule accessIndexFailsTheCommand() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(AccessIndex.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance()));
    }
}
