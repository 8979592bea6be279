package org.caseledger.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.caseledger.api.snapshots.SnapshotProperties;
import org.caseledger.core.cases.Case;
import org.caseledger.core.household.Household;
import org.caseledger.core.outreach.OutreachActivity;
import org.caseledger.core.person.Person;
import org.caseledger.core.staff.StaffMember;
import org.caseledger.projections.readmodels.CaseViewProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on Spring Boot 4 with the JDBC event store. Several of these beans exist because their absence
 * fails silently: without the transaction manager Axon runs without transactions, without the schemas it
 * looks for camelCase tables, and without the origin provider correlation ids vanish.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Events, snapshots and tokens are stored as JSON an auditor can read: ISO times, typed ids as plain text. */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * The aggregates live in the Spring-free core, so they are registered here rather than by annotation. A case may
     * grow to thousands of events, so it is snapshotted; the snapshotter is declared with the snapshots.
     */
    @Bean
    ConfigurerModule aggregates(SnapshotProperties snapshots) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Case.class)
                        .configureSnapshotTrigger(configuration -> new EventCountSnapshotTriggerDefinition(
                                configuration.snapshotter(), snapshots.eventsBetweenSnapshots())))
                .configureAggregate(Person.class)
                .configureAggregate(StaffMember.class)
                .configureAggregate(OutreachActivity.class)
                .configureAggregate(Household.class);
    }

    /**
     * A projection must never skip an event: a failing handler rolls back the batch and the processor retries,
     * instead of the default of logging the error and moving on.
     */
    @Bean
    ConfigurerModule projectionErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(CaseViewProjection.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance()));
    }
}
