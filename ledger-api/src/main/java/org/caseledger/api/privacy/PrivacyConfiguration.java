package org.caseledger.api.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.caseledger.projections.caseview.CaseViewProjection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Axon's event serializer by the same Jackson serializer wrapped in the personal-data encryption, and has
 * the read models forget an erased person's keys before they fold the person's case files again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("defaultAxonObjectMapper") ObjectMapper json, RevisionResolver revisions, DataKeys keys,
                                YearKeys yearKeys) {
        Serializer jackson = JacksonSerializer.builder().objectMapper(json).revisionResolver(revisions).build();
        return new PersonalDataSerializer(jackson, json, keys, yearKeys);
    }

    @Bean
    ConfigurerModule erasedKeysForgottenByTheReadModels(DataKeys keys) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                CaseViewProjection.PROCESSING_GROUP, configuration -> new ErasedKeysForgotten(keys)));
    }
}
