package org.caseledger.api.web;

import java.time.Clock;
import java.util.List;
import org.caseledger.api.problems.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final CommandContextResolver commandContextResolver;

    public WebConfiguration(CommandContextResolver commandContextResolver) {
        this.commandContextResolver = commandContextResolver;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(commandContextResolver);
    }

    @Bean
    static ContainerErrorReport.Installer containerErrorReport(ObjectProvider<Problems> problems) {
        return new ContainerErrorReport.Installer(problems);
    }

    /** Writes and the API's reads settle what they answer in before they run (see {@link AnswersJson}). */
    @Bean
    static WebMvcRegistrations answersJson() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new AnswersJson();
            }
        };
    }

    /** The one source of server time: recordedAt of every event. */
    @Bean
    static Clock clock() {
        return Clock.systemUTC();
    }
}
