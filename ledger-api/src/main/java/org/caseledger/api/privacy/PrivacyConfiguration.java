package org.caseledger.api.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.caseledger.api.integrity.StreamSerializer;
import org.caseledger.api.privacy.PersonalDataSerializer.Reading;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Axon's event serializer by the same Jackson serializer wrapped in the personal-data encryption, and gives
 * the global event stream one that leaves personal data sealed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("defaultAxonObjectMapper") ObjectMapper json, RevisionResolver revisions, DataKeys keys,
                                YearKeys yearKeys) {
        return new PersonalDataSerializer(Reading.OPENED, jackson(json, revisions), json, keys, yearKeys);
    }

    /** The serializer the global event stream is read with: by the read models' processors and their replays. */
    @Bean
    StreamSerializer streamSerializer(@Qualifier("defaultAxonObjectMapper") ObjectMapper json, RevisionResolver revisions,
                                      DataKeys keys, YearKeys yearKeys) {
        return new StreamSerializer(new PersonalDataSerializer(Reading.SEALED, jackson(json, revisions), json, keys, yearKeys));
    }

    private static Serializer jackson(ObjectMapper json, RevisionResolver revisions) {
        return JacksonSerializer.builder().objectMapper(json).revisionResolver(revisions).build();
    }
}
